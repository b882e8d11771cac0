"""China's statutory retirement age (法定退休年龄), including the progressive raise.

Source: 《全国人民代表大会常务委员会关于实施渐进式延迟法定退休年龄的决定》
(2024-09-13) and its annex 《国务院关于渐进式延迟法定退休年龄的办法》, effective
2025-01-01, with 附件1《男职工延迟法定退休年龄对照表》, 附件2《原法定退休年龄为五十五周岁的
女职工延迟法定退休年龄对照表》, 附件3《原法定退休年龄为五十周岁的女职工延迟法定退休年龄对照表》.

Rule (第二条): starting 2025-01-01, over fifteen years,

* men: 60 → 63, one month later for every 4 months of birth from 1965-01
  (born 1965-01..04 → 60y1m, ..., born 1976-09 or later → 63);
* women whose original age is 55 (cadres, 女干部/管理技术岗位): 55 → 58, one month per
  4 months of birth from 1970-01 (born 1981-09 or later → 58);
* women whose original age is 50 (workers, 女工人): 50 → 55, one month per 2 months of
  birth from 1975-01 (born 1984-11 or later → 55).

In formula form, with ``k`` = months from the first affected birth month (0-based) and
``step`` = 4 or 2: ``delay = min(cap, k // step + 1)``. People born earlier keep the
original age. Retirement falls in the month the age is reached (birth month + age).
Voluntary early/late retirement (弹性退休) and special occupations are out of scope.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal, NamedTuple

Sex = Literal["男", "女"]
Category = Literal["worker", "cadre"]


class YearMonth(NamedTuple):
    """A calendar month, e.g. ``YearMonth(1975, 3)``."""

    year: int
    month: int

    @classmethod
    def parse(cls, value: str | dt.date | YearMonth) -> YearMonth:
        """Build from ``"YYYY-MM"`` (a trailing ``-DD`` is ignored), a date, or itself.

        Raises:
            ValueError: Not a ``YYYY-MM`` string or month outside 1–12.
        """
        if isinstance(value, YearMonth):
            return value
        if isinstance(value, dt.date):
            return cls(value.year, value.month)
        m = re.fullmatch(r"\s*(\d{4})-(\d{1,2})(?:-\d{1,2})?\s*", str(value))
        if not m or not 1 <= int(m.group(2)) <= 12:
            raise ValueError(f"expected 'YYYY-MM', got {value!r}")
        return cls(int(m.group(1)), int(m.group(2)))

    @property
    def ordinal(self) -> int:
        """Months since year 0 (``year * 12 + month - 1``), for month arithmetic."""
        return self.year * 12 + self.month - 1

    def plus_months(self, months: int) -> YearMonth:
        """The month ``months`` later (earlier when negative)."""
        i = self.ordinal + months
        return YearMonth(i // 12, i % 12 + 1)

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"


class _Scheme(NamedTuple):
    base_years: int  # original statutory age
    first_birth: YearMonth  # first birth month affected by the raise
    step: int  # months of birth per month of delay
    cap: int  # maximum delay in months


_SCHEMES: dict[tuple[str, str], _Scheme] = {
    ("男", "worker"): _Scheme(60, YearMonth(1965, 1), 4, 36),
    ("男", "cadre"): _Scheme(60, YearMonth(1965, 1), 4, 36),
    ("女", "cadre"): _Scheme(55, YearMonth(1970, 1), 4, 36),
    ("女", "worker"): _Scheme(50, YearMonth(1975, 1), 2, 60),
}


def _scheme(sex: str, category: str) -> _Scheme:
    try:
        return _SCHEMES[(sex, category)]
    except KeyError:
        raise ValueError(
            f"sex must be '男' or '女' and category 'worker' or 'cadre', got {sex!r}, {category!r}"
        ) from None


def retirement_age_months(
    birth: dt.date | YearMonth | str, sex: Sex, category: Category = "worker"
) -> int:
    """Statutory retirement age in months (``721`` = 60 years 1 month).

    Args:
        birth: Birth date, ``YearMonth`` or ``"YYYY-MM"``; only year and month count.
        sex: ``"男"`` or ``"女"``.
        category: ``"worker"`` (工人, original age 50 for women) or ``"cadre"``
            (干部, original age 55 for women); ignored for men.

    Raises:
        ValueError: Unknown sex/category or unreadable birth.
    """
    scheme = _scheme(sex, category)
    k = YearMonth.parse(birth).ordinal - scheme.first_birth.ordinal
    delay = 0 if k < 0 else min(scheme.cap, k // scheme.step + 1)
    return scheme.base_years * 12 + delay


def retirement_age(
    birth: dt.date | YearMonth | str, sex: Sex, category: Category = "worker"
) -> tuple[int, int]:
    """Statutory retirement age as ``(years, months)``, e.g. ``(60, 1)``.

    See :func:`retirement_age_months` for arguments and errors.
    """
    return divmod(retirement_age_months(birth, sex, category), 12)


def retirement_month(
    birth: dt.date | YearMonth | str, sex: Sex, category: Category = "worker"
) -> YearMonth:
    """The month the statutory retirement age is reached (birth month + age)."""
    return YearMonth.parse(birth).plus_months(retirement_age_months(birth, sex, category))


def retirement_date(
    birth: dt.date | YearMonth | str, sex: Sex, category: Category = "worker"
) -> dt.date:
    """First day of the retirement month, e.g. man born 1965-01 → ``date(2025, 2, 1)``.

    Month granularity: the day is always 1; compare months, not days.
    """
    ym = retirement_month(birth, sex, category)
    return dt.date(ym.year, ym.month, 1)


def months_to_retirement(
    birth: dt.date | YearMonth | str,
    sex: Sex,
    category: Category,
    today: dt.date,
) -> int:
    """Whole months from ``today``'s month to the retirement month.

    ``36`` means retirement is exactly three years away (by month); ``0`` means
    retirement falls in the current month; negative values mean already past it.
    """
    return retirement_month(birth, sex, category).ordinal - YearMonth.parse(today).ordinal


def age_in_years(birth: dt.date | YearMonth | str, today: dt.date) -> int:
    """Age in full years (周岁) from a birth year-month: the birthday is taken to fall
    in the birth month, so someone born 1966-03 is 55 throughout 2021-03."""
    b = YearMonth.parse(birth)
    return today.year - b.year - (1 if today.month < b.month else 0)
