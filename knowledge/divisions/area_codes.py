"""Landline area codes: ``phonenumbers``' geocoding data for country code 86, each
prefix's description placed on the division table (``0512`` → 苏州市)."""

from __future__ import annotations

from collections import defaultdict

from knowledge.divisions.index import _Index


def _landline_prefixes() -> dict[str, str]:
    """Area code (``"0512"``) → description (``"江苏省苏州市"``) from ``phonenumbers``.

    Only landline prefixes are read: ``8610`` (Beijing) and ``862``–``869``; mobile
    segments (``8613x``…) are skipped. Prefixes that the data collapses below the area
    code's length (``8633`` for every ``033x``) are expanded to the codes that
    ``phonenumbers`` accepts as fixed lines (``0335``). Longer prefixes (exchange level)
    only repeat their area code's places and are ignored when the area code has its own.
    """
    from phonenumbers.geodata import GEOCODE_DATA

    exact: dict[str, str] = {}
    longer: dict[str, list[str]] = defaultdict(list)
    for key, names in GEOCODE_DATA.items():
        if not key.startswith("86"):
            continue
        digits = key[2:]
        if not digits or not (digits[0] in "23456789" or digits.startswith("10")):
            continue
        desc = names.get("zh")
        if not desc:
            continue
        width = 2 if digits[0] in "12" else 3
        if len(digits) == width:
            exact["0" + digits] = desc
        elif len(digits) > width:
            longer["0" + digits[:width]].append(desc)
        else:
            for d in "0123456789":
                area = digits + d
                if _is_fixed_line_area(area):
                    exact.setdefault("0" + area, desc)
    for area, descs in longer.items():
        if area not in exact:
            exact[area] = "、".join(descs)
    return dict(sorted(exact.items()))


def _is_fixed_line_area(area: str) -> bool:
    """Whether ``phonenumbers`` takes sample numbers under ``0<area>`` for fixed lines."""
    import phonenumbers

    fixed = {
        phonenumbers.PhoneNumberType.FIXED_LINE,
        phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE,
    }
    for subscriber in ("2345678", "62345678", "5234567", "82345678"):
        try:
            number = phonenumbers.parse("+86" + area + subscriber)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.number_type(number) in fixed:
            return True
    return False


def _assign_area_codes(index: _Index) -> tuple[dict[str, list[str]], list[str]]:
    """Area codes per prefecture-level code, and descriptions that could not be placed.

    A description names one or more places, the first with its province
    (``辽宁省沈阳市、铁岭市``); later items are read within that province. A county
    stands for its prefecture (``云南省芒市`` → 德宏), a provincial-direct county for
    itself (``湖北省仙桃市、潜江市、天门市``). An item the table cannot read is, once
    every other item is placed, matched against the province's names of the same length
    that differ by one character and have no area code yet (the data's ``株州市`` for
    株洲市, not 郴州市 or 永州市).
    """
    nodes = index.nodes
    codes_of: dict[str, list[str]] = defaultdict(list)
    misses: list[tuple[str, str, str]] = []  # (area, item, province code)

    def add(area: str, code: str) -> None:
        node = nodes[code]
        if node.level == "county" and nodes[node.parent].level == "city":
            code = node.parent
        if area not in codes_of[code]:
            codes_of[code].append(area)

    for area, desc in _landline_prefixes().items():
        province = ""
        for pos, item in enumerate(s for s in desc.split("、") if s):
            text = item if pos == 0 or not province else nodes[province].name + item
            found = _place_item(index, text, province)
            if not found:
                misses.append((area, item, province))
                continue
            province = province or found[0][:2] + "0000"
            for code in found:
                add(area, code)

    unplaced: list[str] = []
    for area, item, province in misses:
        near = [
            code
            for code, node in nodes.items()
            if province
            and code[:2] == province[:2]
            and node.level != "province"
            and code not in codes_of
            and len(node.name) == len(item)
            and sum(a != b for a, b in zip(node.name, item, strict=True)) == 1
        ]
        if len(near) == 1:
            add(area, near[0])
        else:
            unplaced.append(f"{area} {item}")
    return dict(codes_of), unplaced


def _place_item(index: _Index, text: str, province: str) -> list[str]:
    found = []
    for code, _kind in index.resolve(text):
        node = index.nodes[code]
        if province and code[:2] != province[:2]:
            continue
        if node.level == "province" and not node.name.endswith("市"):
            continue  # only the province could be read: the place itself is unknown
        found.append(code)
    # A county and its own prefecture (红河州 / 红河县) both stand for the prefecture.
    prefs = {index.nodes[c].parent if index.nodes[c].level == "county" else c for c in found}
    if len(prefs) > 1:
        return []
    return found
