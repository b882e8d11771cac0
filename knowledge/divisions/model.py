"""The records the division table hands out: :class:`Division` (one administrative
division) and :class:`Mention` (a division named in a text), and their :data:`Level`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Level = Literal["province", "city", "county"]


@dataclass(frozen=True, slots=True)
class Division:
    """One administrative division.

    Attributes:
        code: 6-digit division code (``"320585"``).
        name: Official name (``"太仓市"``).
        level: ``"province"``, ``"city"`` (prefecture level: 地级市, 自治州, 地区, 盟) or
            ``"county"`` (区, 县, 县级市, 旗, 自治县, 林区, ...).
        province: Name of the province (itself for a province).
        city: Name of the prefecture the division belongs to; ``""`` for provinces,
            municipality districts and provincial-direct county-level units (仙桃市).
            A prefecture's ``city`` is its own name.
        short: Short name with unit and ethnic suffixes stripped (``"太仓"``,
            ``"黔东南"``), at least 2 characters (``"和平区"`` → ``"和平"``, ``"城区"`` kept).
        full: Names from the province down, joined (``"江苏省苏州市太仓市"``).
        chain: The same names as a tuple (``("江苏省", "苏州市", "太仓市")``).
        parent_code: Code of the parent division, ``""`` for a province.

    The landline area code is a property (:attr:`area_code`), read from
    ``phonenumbers`` on first use so that building the table stays cheap.
    """

    code: str
    name: str
    level: Level
    province: str
    city: str
    short: str
    full: str
    chain: tuple[str, ...]
    parent_code: str = ""

    @property
    def area_code(self) -> str:
        """Landline area code with leading 0 (``"0512"``), or ``""`` when none is known.

        Counties inherit their prefecture's code, municipality districts the
        municipality's. Provinces, most provincial-direct units (济源, 神农架, 海南's
        counties) and Hong Kong/Macau/Taiwan have none.
        """
        codes = self.area_codes
        return codes[0] if codes else ""

    @property
    def area_codes(self) -> tuple[str, ...]:
        """Every area code known for the division, :attr:`area_code` first.

        A few prefectures have two (伊犁 0992/0999, 海西 0977/0979, and 晋中/吕梁 share
        0354 and 0358 in the data).
        """
        from knowledge.divisions import divisions

        return divisions().area_codes_of(self.code)


@dataclass(frozen=True, slots=True)
class Mention:
    """A division named in a text.

    Attributes:
        start: Offset of the first character.
        end: Offset one past the last character.
        text: The matched text (``"黔东南州"``).
        division: The best reading, given the neighbouring mentions.
        candidates: Every division the text can name here, ``division`` first
            (``"鼓楼区"`` alone has four).
    """

    start: int
    end: int
    text: str
    division: Division
    candidates: tuple[Division, ...]
