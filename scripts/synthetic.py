"""Synthetic notices for benchmarks: fictional variants of the five built-in notices.

Each variant copies one built-in notice (its *template*) and substitutes everything
that makes a notice specific to one place and one year:

* the place: the city (and, for a district notice, the district) and every district or
  county of that city the text names are renamed to fictional two-character names
  (``太仓市`` → ``芃苡市``), including short forms (``太仓``), letter-spaced headings
  (``镇 江 市``), one-character abbreviations in 文号 (``太人社职〔2024〕7号`` →
  ``芃人社职〔2027〕7号``) and in running text (``在锡高校``);
* the year: every ``20XX年`` and every 文号 year moves by the same number of years;
* dates: every ``M月D日`` moves by the same number of days within its month;
* amounts: every ``N万元`` / ``N千元`` is scaled by one factor;
* contacts: area codes, phone numbers, e-mail addresses and contact persons.

The variant is therefore a distinct, valid notice of the genre with the same clause
structure and the same number of facts as its template; :func:`check_variant` verifies
that after parsing.

Fictional names (two characters, then three once the pairs run out: 10,000 notices
need about 26,000 names) use rare characters that appear neither in the gazetteer nor in the
test questions, so a variant never shadows a real place.

Usage::

    python scripts/synthetic.py OUT_DIR [-n 1000] [--seed 7] [--check]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from knowledge.base import builtin_paths  # noqa: E402
from knowledge.divisions import divisions  # noqa: E402
from knowledge.models import Notice  # noqa: E402
from knowledge.parse import parse_notice  # noqa: E402
from knowledge.places import pinyin, short_name, split_units  # noqa: E402

# Rare characters (plant radicals and the like) for fictional place names. Characters
# that occur in the gazetteer or in the test questions are dropped at run time.
_NAME_CHARS = (
    "芃苡苒菁蘅芷萱荇蓁蕤蘩薇葳茝莛菡萏蒹葭芮茗荻蓼蕙蘼芊苕茱萸菀蒿蓍藜芩苓葑蒺荪"
    "琇琬瑄璎珩琲瑀璆琤玥珂瑗璟琮瑢玳瑁琥珀璇玑瑾瑜珞璨琦琨瑛瑭珈琰蔻薜荔芎芨苜蓿莪莠荸荞"
    "菖蓊鸫鹀鹎鹟鹡鸰鹪鹩鹬鹭鹳鹮鹂鹇鹗鹞"
)
_SURNAMES = "赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦许何吕施张孔曹严华金魏陶姜"
_GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红娥玲芬燕"
_YEARS = range(2025, 2036)
_AMOUNT_FACTORS = (0.5, 1.0, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0)
_UNIT = re.compile(r"(市|区|县|旗|自治州|盟)$")
_GAP = "[ \t\u3000]*"  # letter-spaced headings: 镇 江 市
_YEAR = re.compile(r"(20\d{2})(?=\s*年|\s*[〕\]］)）】}])")
_DAY = re.compile(r"(\d{1,2})(\s*月\s*)(\d{1,2})(\s*日)")
_MONEY = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)(\s*)(万元|千元)")
_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")
_AREA_PHONE = re.compile(r"(?<!\d)(0\d{2,3})([-－—])(\d{7,8})(?!\d)")
_LOCAL = re.compile(r"(?<![\d@])(\d{7,8}|1[3-9]\d{9})(?![\d@])")
_DOCNO = re.compile(
    r"([\u4e00-\u9fff]{1,8})(\s*[〔\[［(（【{]\s*\d{4}\s*[〕\]］)）】}]\s*\d+\s*号?)"
)


@dataclass
class Template:
    """A built-in notice prepared for substitution.

    Attributes:
        path: The built-in notice file.
        text: Its text.
        notice: The parsed notice.
        places: Place names to rename, e.g. ``["温州市", "鹿城区"]`` (the notice's own
            place units first, then other districts of the city named in the text).
        abbreviations: ``{char: index}``: one-character abbreviations used in the
            notice's 文号 and the position of that character in the place's short name
            (``锡`` → 1 for 无锡).
    """

    path: Path
    text: str
    notice: Notice
    places: list[str]
    abbreviations: dict[str, tuple[str, int]] = field(default_factory=dict)


@dataclass
class Variant:
    """One generated notice and what parsing it must yield.

    Attributes:
        path: The written ``.txt`` file.
        template: Source file name of the template.
        place: Expected place name (``"芃苡市"``, ``"芃苡市蘅芷区"``).
        year: Expected programme year.
        renames: ``{old name: new name}`` applied to the text.
    """

    path: Path
    template: str
    place: str
    year: int
    renames: dict[str, str]


def _question_chars() -> set[str]:
    path = ROOT / "tests" / "data" / "questions.jsonl"
    if not path.exists():
        return set()
    chars: set[str] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            chars.update(json.loads(line).get("question", ""))
    return chars


def _gazetteer_names() -> set[str]:
    """Every real division's name and short name (the national table)."""
    names: set[str] = set()
    for d in divisions():
        names.update({d.name, d.short})
    return names


def _city_parts(city: str) -> list[str]:
    """The counties and districts of a prefecture city (national table)."""
    found = [d for d in divisions().by_name(city) if d.level == "city"]
    return [c.name for c in divisions().children(found[0].code)] if found else []


def name_chars() -> str:
    """The characters fictional place names are drawn from."""
    taken = _question_chars() | set("".join(_gazetteer_names()))
    return "".join(dict.fromkeys(c for c in _NAME_CHARS if c not in taken))


def fictional_names(rng: random.Random) -> Iterator[str]:
    """Yield distinct fictional place stems in random order: every two-character stem
    first (about 8,700 with the default pool: some 3,300 notices), then three-character
    ones (about 800,000; real stems of three characters exist too: 石家庄, 张家口).

    Raises:
        RuntimeError: all combinations are used up.
    """
    chars = name_chars()
    real = _gazetteer_names()
    taken = _real_pinyin_prefixes()
    pairs = [a + b for a in chars for b in chars if a != b]
    rng.shuffle(pairs)
    yield from (p for p in pairs if p not in real and pinyin(p) not in taken)
    triples = [a + b + c for a in chars for b in chars if a != b for c in chars if c not in (a, b)]
    rng.shuffle(triples)
    yield from (t for t in triples if t not in real and pinyin(t) not in taken)
    raise RuntimeError("fictional place names exhausted")


def _real_pinyin_prefixes() -> set[str]:
    """Every prefix (3 letters or more) of a real division's pinyin: a fictional name
    with such a pinyin would be read in a question naming the real place in pinyin
    (``zhenjian`` of 蓁蒹 in ``zhenjiang``: a pinyin alias also matches as a prefix)."""
    out: set[str] = set()
    for name in _gazetteer_names():
        full = pinyin(name)
        out.update(full[:k] for k in range(3, len(full) + 1))
    return out


def load_templates() -> list[Template]:
    """Parse the built-in notices and find the place names each one uses."""
    templates = []
    for path in builtin_paths():
        text = path.read_text(encoding="utf-8")
        notice = parse_notice(text, path.name)
        units = split_units(notice.meta.place.name)
        places = list(units)
        city_short = short_name(notice.meta.place.city)
        for part in _city_parts(notice.meta.place.city):
            short = short_name(part)
            if city_short in part:  # 镇江高新区: renamed through the city's short name
                continue
            if part not in places and (part in text or (len(short) >= 2 and short in text)):
                places.append(part)
        shorts = [short_name(u) for u in units]
        abbreviations: dict[str, tuple[str, int]] = {}
        for m in _DOCNO.finditer(text):
            ch = m.group(1)[0]
            for unit, short in zip(units, shorts, strict=True):
                if ch in short:
                    abbreviations[ch] = (unit, short.index(ch))
                    break
        templates.append(Template(path, text, notice, places, abbreviations))
    return templates


def _spaced(word: str) -> str:
    return _GAP.join(map(re.escape, word))


def _rename(text: str, renames: dict[str, str]) -> str:
    """Replace place names, longest first, letter-spaced forms included."""
    pairs: dict[str, str] = {}
    for old, new in renames.items():
        pairs[old] = new
        old_short, new_short = short_name(old), short_name(new)
        if len(old_short) >= 2:
            pairs.setdefault(old_short, new_short)
    order = sorted(pairs, key=len, reverse=True)
    rx = re.compile("|".join(f"(?:{_spaced(o)})" for o in order))
    plain = {re.sub(r"\s", "", o): n for o, n in pairs.items()}
    return rx.sub(lambda m: plain[re.sub(r"[ \t\u3000]", "", m.group())], text)


def _phone_digits(rng: random.Random, n: int) -> str:
    if n == 11:
        return "1" + rng.choice("3456789") + "".join(rng.choice("0123456789") for _ in range(9))
    return rng.choice("2345678") + "".join(rng.choice("0123456789") for _ in range(n - 1))


def _person(rng: random.Random) -> str:
    return rng.choice(_SURNAMES) + "".join(rng.choice(_GIVEN) for _ in range(rng.choice((1, 2))))


def _format_amount(value: float) -> str:
    return str(int(value)) if value == int(value) else f"{value:g}"


def make_variant(
    template: Template, names: Iterator[str], rng: random.Random, area_code: str
) -> tuple[str, str, int, dict[str, str]]:
    """Build the text of one variant.

    Args:
        template: The built-in notice to vary.
        names: Source of unused fictional two-character stems.
        rng: Random source (all choices come from it).
        area_code: Fictional landline area code for the variant, e.g. ``"0987"``.

    Returns:
        ``(text, expected place name, expected year, renames)``.
    """
    text = template.text
    renames = {}
    for place in template.places:
        unit = _UNIT.search(place)
        renames[place] = next(names) + (unit.group(1) if unit else "市")
    units = split_units(template.notice.meta.place.name)
    new_place = "".join(renames[u] for u in units)
    text = _rename(text, renames)

    # One-character abbreviations: 文号 prefixes and 在锡/驻镇 in running text.
    for ch, (unit, index) in template.abbreviations.items():
        new_ch = short_name(renames[unit])[index]
        text = _DOCNO.sub(
            lambda m, c=ch, n=new_ch: (
                (n + m.group(1)[1:] if m.group(1)[0] == c else m.group(1)) + m.group(2)
            ),
            text,
        )
        text = re.sub(rf"(?<=[在驻来]){re.escape(ch)}(?=[\u4e00-\u9fff])", new_ch, text)

    base_year = template.notice.meta.year or 2024
    year = rng.choice(_YEARS)
    text = _YEAR.sub(lambda m: str(int(m.group(1)) + year - base_year), text)
    shift = rng.randint(-5, 5)

    def move_day(m: re.Match[str]) -> str:
        day = int(m.group(3))
        new = max(1, day + shift)
        if new > 28:  # stay inside every month
            new = min(new, max(day, 28))
        return f"{m.group(1)}{m.group(2)}{new}{m.group(4)}"

    text = _DAY.sub(move_day, text)
    factor = rng.choice(_AMOUNT_FACTORS)
    text = _MONEY.sub(
        lambda m: _format_amount(float(m.group(1)) * factor) + m.group(2) + m.group(3), text
    )

    # Contacts: e-mails first (their digits may repeat a phone number), then phones.
    text = _EMAIL.sub(
        lambda m: (
            "".join(rng.choice("abcdefghjkmnpqrstuvwxyz") for _ in range(6))
            + str(rng.randint(10, 999))
            + "@"
            + rng.choice(("163.com", "126.com", "qq.com"))
        ),
        text,
    )
    phones: dict[str, str] = {}

    def new_phone(number: str) -> str:
        return phones.setdefault(number, _phone_digits(rng, len(number)))

    text = _AREA_PHONE.sub(lambda m: f"{area_code}{m.group(2)}{new_phone(m.group(3))}", text)
    text = _LOCAL.sub(lambda m: new_phone(m.group(1)), text)
    for contact in template.notice.facts.contacts:
        for person in contact.persons:
            text = re.sub(_spaced(person), _person(rng), text)
    return text, new_place, year, renames


def fictional_area_codes(rng: random.Random) -> list[str]:
    """Four-digit area codes not used by any gazetteer city, shuffled."""
    used = {d.area_code for d in divisions() if d.level == "city" and d.area_code}
    codes = [f"0{n}" for n in range(900, 1000) if f"0{n}" not in used]
    rng.shuffle(codes)
    return codes


def generate(out_dir: Path, count: int, seed: int = 7) -> list[Variant]:
    """Write ``count`` synthetic notices into ``out_dir`` as ``syn_NNNN.txt``.

    Templates are used round-robin, so each built-in notice yields ``count / 5``
    variants.

    Args:
        out_dir: Target directory (created if missing).
        count: Number of notices.
        seed: Random seed; the same seed writes the same files.

    Returns:
        The variants in file order.
    """
    rng = random.Random(seed)
    out_dir.mkdir(parents=True, exist_ok=True)
    templates = load_templates()
    names = fictional_names(rng)
    codes = fictional_area_codes(rng)
    variants = []
    width = max(4, len(str(count - 1)))  # file names sort in generation order
    for i in range(count):
        template = templates[i % len(templates)]
        text, place, year, renames = make_variant(template, names, rng, codes[i % len(codes)])
        path = out_dir / f"syn_{i:0{width}d}.txt"
        path.write_text(text, encoding="utf-8")
        variants.append(Variant(path, template.path.name, place, year, renames))
    return variants


def _fact_counts(notice: Notice) -> dict[str, int]:
    return {name: len(getattr(notice.facts, name)) for name in type(notice.facts).model_fields}


def check_variant(variant: Variant, notice: Notice, template: Notice) -> list[str]:
    """Problems of a parsed variant (empty when it is a valid variant of its template).

    Checks the place and year, the clause and attachment counts, the fact counts,
    and that none of the template's place names or phone numbers survived.
    """
    problems = []
    if notice.meta.place.name != variant.place:
        problems.append(f"place {notice.meta.place.name!r} != {variant.place!r}")
    if notice.meta.year != variant.year:
        problems.append(f"year {notice.meta.year} != {variant.year}")
    if len(notice.clauses) != len(template.clauses):
        problems.append(f"clauses {len(notice.clauses)} != {len(template.clauses)}")
    if len(notice.attachments) != len(template.attachments):
        problems.append(f"attachments {len(notice.attachments)} != {len(template.attachments)}")
    got, want = _fact_counts(notice), _fact_counts(template)
    problems += [f"{k} {got[k]} != {want[k]}" for k in want if got[k] != want[k]]
    for old in variant.renames:
        if short_name(old) in notice.text:
            problems.append(f"{short_name(old)} left in text")
    old_phones = {p for c in template.facts.contacts for p in c.phones}
    new_phones = {p for c in notice.facts.contacts for p in c.phones}
    if old_phones & new_phones:
        problems.append(f"template phones kept: {sorted(old_phones & new_phones)}")
    return problems


def main(argv: list[str] | None = None) -> int:
    """Command line: write synthetic notices, optionally parse and check them."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out_dir", type=Path)
    ap.add_argument("-n", "--count", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--check", action="store_true", help="parse every notice and check it")
    args = ap.parse_args(argv)
    variants = generate(args.out_dir, args.count, args.seed)
    print(f"wrote {len(variants)} notices to {args.out_dir}")
    if not args.check:
        return 0
    templates = {t.path.name: t.notice for t in load_templates()}
    bad = 0
    for v in variants:
        problems = check_variant(
            v, parse_notice(v.path.read_text(encoding="utf-8"), v.path.name), templates[v.template]
        )
        if problems:
            bad += 1
            print(f"{v.path.name} ({v.template}): {'; '.join(problems)}")
    print(f"{len(variants) - bad}/{len(variants)} valid")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
