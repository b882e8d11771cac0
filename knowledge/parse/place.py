"""The place a notice applies to, from the national division table.

Evidence, strongest first: the issuing bureau (``黔东南苗族侗族自治州人力资源和社会保障局``
applies to 黔东南州), the title (``关于开展2025年度贵阳市白云区…``), the signature block,
then the body. The most specific division wins when the sources agree (an issuer of 贵阳市
and a title naming 白云区 give 贵阳市白云区); when they disagree, the issuer wins (a city
bureau's notice that also relays a provincial programme is still the city's). A name
shared by several divisions (鼓楼区, 白云区, 朝阳区) is read inside its parent when one
is written next to it, else by the notice's phone area codes, the 文号's abbreviation and
the places the text names elsewhere. A notice of 人力资源社会保障部 is national. Nothing
found gives an unknown place (``level == ""``) named after the notice file, so two unknown
notices are never merged into one place.
"""

from __future__ import annotations

import re
from collections import Counter

from knowledge.divisions import Division, Mention, divisions
from knowledge.models import Place
from knowledge.places import pinyin, unlisted_place

_MINISTRY = re.compile(r"(人力资源社会保障部|人力资源和社会保障部|人社部)(?!门)")
_DEPTH = {"province": 1, "city": 2, "county": 3}
NATIONAL = "全国"


def notice_place(
    title: str,
    issuers: list[str],
    signature: list[str],
    body: str,
    doc_number: str,
    area_codes: list[str],
    fallback: str,
) -> Place:
    """Resolve the place of one notice.

    Args:
        title: The notice's title.
        issuers: Issuing bodies in order.
        signature: Lines of the signature block.
        body: The body text (for context when a name is ambiguous, and as last resort).
        doc_number: The 文号 (its first character often abbreviates the place: 筑 贵阳).
        area_codes: Area codes written in the notice's phone numbers.
        fallback: Name for an unknown place (the file's stem), so unknown notices stay apart.

    Returns:
        The place with level, parents, area code and aliases.
    """
    context = _Context(body, doc_number, area_codes)
    issuer = context.deepest("\n".join(issuers))
    titled = context.deepest(title)
    chosen: Division | None
    table = divisions()
    if issuer and titled:
        chosen = titled if table.contains(issuer, titled) else issuer
    else:
        chosen = issuer or titled or context.deepest("\n".join(signature))
    if chosen is None:
        if _MINISTRY.search("\n".join([*issuers, title, *signature])):
            return Place(
                name=NATIONAL, short=NATIONAL, level="national", aliases=[NATIONAL, "国家"]
            )
        if _TITLE_PLACE.match(title):  # the title names a place the table does not list
            return _unlisted(title, area_codes, fallback)
        chosen = context.most_named(body[:3000])
    if chosen is None:
        return _unlisted(title, area_codes, fallback)
    return place_of_division(chosen)


_TITLE_PLACE = re.compile(
    r"^(?:.{0,40}?关于)?(?:开展|做好|实施|印发|组织|启动|申报)?《?(?:\d{4}\s*年度?)?"
    r"(?P<name>[\u4e00-\u9fff]{2,6}?(?:自治州|市|区|县|旗|盟)(?:[\u4e00-\u9fff]{2,5}?(?:区|县|市)(?!级))?)(?!级)"
)


def _unlisted(title: str, area_codes: list[str], fallback: str) -> Place:
    """A place the division table does not list (a new district, a development zone, a
    fictional test place): named as the title writes it, level unknown; with no name at
    all, ``未知地区（<file>）`` so that two such notices are never merged."""
    m = _TITLE_PLACE.match(title)
    code = Counter(area_codes).most_common(1)[0][0] if area_codes else ""
    if m:
        name = m.group("name")
        for stop in ("技能", "企业", "市级", "区级", "县级", "首席"):
            if stop in name[2:]:
                name = name[: name.index(stop, 2)]
        return unlisted_place(name, area_codes)
    return Place(name=f"未知地区（{fallback}）", short="", area_code=code, aliases=[])


class _Context:
    """What the notice says besides the name itself, to read an ambiguous name."""

    def __init__(self, body: str, doc_number: str, area_codes: list[str]) -> None:
        self.codes = Counter(area_codes)
        self.abbrev = doc_number[:1]
        self._body = body
        self._named: Counter[str] | None = None

    def named(self) -> Counter[str]:
        """Codes of the divisions (and their ancestors) the body names unambiguously."""
        if self._named is None:
            table = divisions()
            self._named = Counter()
            for m in table.mentions(self._body[:6000]):
                if len(m.candidates) == 1:
                    for d in (m.division, *table.ancestors(m.division)):
                        self._named[d.code] += 1
        return self._named

    def pick(self, mention: Mention) -> Division:
        """The best reading of a mention: as read in its chain, else by evidence."""
        if len(mention.candidates) == 1:
            return mention.division
        table = divisions()

        def score(d: Division) -> tuple[int, int, int, int]:
            ups = [d, *table.ancestors(d)]
            phone = sum(self.codes[c] for c in d.area_codes)
            abbrev = int(bool(self.abbrev) and any(u.short.startswith(self.abbrev) for u in ups))
            named = sum(self.named()[u.code] for u in ups[1:])
            chained = int(d == mention.division)
            return (named + 2 * abbrev + 3 * min(phone, 1), chained, phone, -int(d.code))

        return max(mention.candidates, key=score)

    def deepest(self, text: str) -> Division | None:
        """The most specific division named in ``text`` (ties: the first named)."""
        best: Division | None = None
        for m in divisions().mentions(text):
            d = self.pick(m)
            if best is None or _DEPTH[d.level] > _DEPTH[best.level]:
                best = d
        return best

    def most_named(self, text: str) -> Division | None:
        """The division the body names most often, the deepest on a tie."""
        counts: Counter[str] = Counter()
        found: dict[str, Division] = {}
        for m in divisions().mentions(text):
            d = self.pick(m)
            counts[d.code] += 1
            found[d.code] = d
        if not counts:
            return None
        code = max(counts, key=lambda c: (counts[c], _DEPTH[found[c].level]))
        return found[code]


def display_name(d: Division) -> str:
    """How answers name a place: ``太仓市``, ``温州市鹿城区``, ``北京市朝阳区``, ``安徽省``.

    Districts and counties carry their parent (鹿城区 alone is not enough), county-level
    cities do not (太仓市 is known as such)."""
    if d.level != "county" or d.name.endswith("市"):
        return d.name
    parent = d.city or (d.province if d.province != d.name else "")
    return parent + d.name if parent and not d.name.startswith(parent) else d.name


_GENERIC_DISTRICT = re.compile(r"(城|新|高新|开发|经济|中心|郊|矿|工业|港|市中|县)")


def _distinct_district(short: str) -> bool:
    """A district's short name users say alone (秦州 for 秦州区), not a generic one (城关,
    新城, 高新) that would be read inside other words."""
    return len(short) >= 2 and not _GENERIC_DISTRICT.search(short)


def place_of_division(d: Division) -> Place:
    """A :class:`Place` for a division, with the aliases users select it by: its names,
    short name and pinyin; a prefecture's counties; a county's parent city; a province's
    prefectures."""
    table = divisions()
    name = display_name(d)
    city = d.city if d.level != "province" else ""
    if d.level == "county" and not city and d.province != d.name:
        city = d.province if table.parent(d) and table.parent(d).level == "province" else ""  # type: ignore[union-attr]
    aliases = [name, d.name, d.short, pinyin(d.short)]
    for unit, letter in (
        ("自治州", "州"),
        ("自治县", "县"),
        ("自治旗", "旗"),
        ("自治区", "自治区"),
    ):
        if d.name.endswith(unit):
            aliases.append(d.short + letter)  # 黔东南州, 新疆自治区
    if d.name.endswith("盟") and len(d.short) >= 3:
        aliases.append(d.short[0] + "盟")  # 锡林郭勒盟 is 锡盟
    if d.level in ("city", "province"):
        for child in table.children(d.code):
            aliases.append(child.name)
            if (
                d.level == "province"
                or not child.name.endswith("区")
                or _distinct_district(child.short)
            ):
                aliases.append(child.short)
    if city and city != d.name:
        parent = table.by_name(city)
        aliases += [city, parent[0].short if parent else city]
    seen: list[str] = []
    for a in aliases:
        if a and len(a) >= 2 and a not in seen:
            seen.append(a)
    return Place(
        name=name,
        city=city or (d.name if d.level == "city" else ""),
        short=d.short,
        province=d.province,
        level=d.level,
        area_code=d.area_code,
        aliases=seen,
    )
