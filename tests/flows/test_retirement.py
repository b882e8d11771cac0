"""Statutory retirement age, checked against the official 对照表 examples (2024-09-13 决定)."""

from __future__ import annotations

import datetime as dt

import pytest

from knowledge.retirement import (
    YearMonth,
    age_in_years,
    months_to_retirement,
    retirement_age,
    retirement_date,
)


@pytest.mark.parametrize(
    ("birth", "sex", "category", "age", "retires"),
    [
        # men: 60, +1 month per 4 months of birth from 1965-01, cap 63
        ("1964-12", "男", "worker", (60, 0), (2024, 12)),
        ("1965-01", "男", "worker", (60, 1), (2025, 2)),
        ("1965-04", "男", "worker", (60, 1), (2025, 5)),
        ("1965-05", "男", "worker", (60, 2), (2025, 7)),
        ("1966-01", "男", "cadre", (60, 4), (2026, 5)),
        ("1975-06", "男", "worker", (62, 8), (2038, 2)),
        ("1976-08", "男", "worker", (62, 11), (2039, 7)),
        ("1976-09", "男", "worker", (63, 0), (2039, 9)),
        ("1988-09", "男", "worker", (63, 0), (2051, 9)),
        # women cadres: 55, +1 month per 4 months from 1970-01, cap 58
        ("1969-12", "女", "cadre", (55, 0), (2024, 12)),
        ("1970-01", "女", "cadre", (55, 1), (2025, 2)),
        ("1970-06", "女", "cadre", (55, 2), (2025, 8)),
        ("1970-09", "女", "cadre", (55, 3), (2025, 12)),
        ("1971-06", "女", "cadre", (55, 5), (2026, 11)),
        ("1981-08", "女", "cadre", (57, 11), (2039, 7)),
        ("1981-09", "女", "cadre", (58, 0), (2039, 9)),
        # women workers: 50, +1 month per 2 months from 1975-01, cap 55
        ("1974-12", "女", "worker", (50, 0), (2024, 12)),
        ("1975-01", "女", "worker", (50, 1), (2025, 2)),
        ("1975-06", "女", "worker", (50, 3), (2025, 9)),
        ("1976-06", "女", "worker", (50, 9), (2027, 3)),
        ("1977-01", "女", "worker", (51, 1), (2028, 2)),
        ("1984-10", "女", "worker", (54, 11), (2039, 9)),
        ("1984-11", "女", "worker", (55, 0), (2039, 11)),
        ("1990-01", "女", "worker", (55, 0), (2045, 1)),
    ],
)
def test_official_table(birth, sex, category, age, retires):
    assert retirement_age(birth, sex, category) == age
    assert retirement_date(birth, sex, category) == dt.date(*retires, 1)


def test_men_ignore_category_and_accept_dates():
    assert retirement_age(dt.date(1965, 1, 31), "男", "cadre") == (60, 1)
    assert retirement_age(YearMonth(1965, 1), "男") == (60, 1)


def test_bad_sex_or_category():
    with pytest.raises(ValueError, match="'F', 'worker'"):
        retirement_age("1970-01", "F", "worker")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="'女', 'farmer'"):
        retirement_age("1970-01", "女", "farmer")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="expected 'YYYY-MM', got '1970-13'"):
        retirement_age("1970-13", "女", "cadre")


def test_months_to_retirement_counts_by_month():
    # man born 1966-01 retires 2026-05
    assert months_to_retirement("1966-01", "男", "worker", dt.date(2023, 5, 31)) == 36
    assert months_to_retirement("1966-01", "男", "worker", dt.date(2023, 6, 1)) == 35
    assert months_to_retirement("1966-01", "男", "worker", dt.date(2026, 6, 1)) == -1


@pytest.mark.parametrize(
    ("birth", "today", "age"),
    [
        ("1966-03", dt.date(2021, 3, 1), 55),
        ("1966-04", dt.date(2021, 3, 31), 54),
        ("1965-03", dt.date(2021, 3, 16), 56),
    ],
)
def test_age_in_years_birthday_month(birth, today, age):
    assert age_in_years(birth, today) == age
