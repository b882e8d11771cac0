"""Named validators for form and self-check answers.

Every validator has the signature ``(raw: str, context: Mapping[str, Any]) -> value``:
it returns the normalised value stored in the slot, or raises :class:`FieldError`
whose message (Chinese, shown to the user) says what is wrong and what a right answer
looks like. Form specs refer to validators by name through :data:`VALIDATORS`.

Context keys read (all optional unless stated): ``max_len`` (text), ``options`` /
``synonyms`` / ``allow_other`` (choice, multi_choice; ``options`` required),
``min`` / ``max`` (integer, year), ``area_code`` (landline, e.g. ``"0512"``),
``birth_date`` / ``sex`` (id_number consistency), ``today`` (a ``date``; default
today), ``allow_future`` (year_month, date; default ``False``).

Error tree::

    ValueError
    └── FieldError          an answer the user must correct (message_zh)
"""

from __future__ import annotations

from flows.choices import skill_level_rank
from flows.validators.base import FieldError, Validator
from flows.validators.choice import (
    validate_choice,
    validate_education,
    validate_ethnicity,
    validate_multi_choice,
    validate_political_status,
    validate_retirement_category,
    validate_sex,
    validate_skill_level,
)
from flows.validators.contact import (
    validate_email,
    validate_landline,
    validate_mobile,
    validate_phone,
)
from flows.validators.dates import cn_digits, validate_date, validate_year, validate_year_month
from flows.validators.identity import (
    id_birth_date,
    id_check_char,
    id_sex,
    validate_id_number,
    validate_name,
    validate_text,
)
from flows.validators.numbers import (
    parse_number,
    validate_amount_yuan,
    validate_area_m2,
    validate_integer,
    validate_percent,
    validate_yes_no,
)

__all__ = [
    "VALIDATORS",
    "FieldError",
    "Validator",
    "cn_digits",
    "id_birth_date",
    "id_check_char",
    "id_sex",
    "parse_number",
    "skill_level_rank",
]

VALIDATORS: dict[str, Validator] = {
    "text": validate_text,
    "name": validate_name,
    "id_number": validate_id_number,
    "mobile": validate_mobile,
    "landline": validate_landline,
    "phone": validate_phone,
    "email": validate_email,
    "year_month": validate_year_month,
    "date": validate_date,
    "year": validate_year,
    "choice": validate_choice,
    "multi_choice": validate_multi_choice,
    "sex": validate_sex,
    "ethnicity": validate_ethnicity,
    "political_status": validate_political_status,
    "education": validate_education,
    "skill_level": validate_skill_level,
    "integer": validate_integer,
    "area_m2": validate_area_m2,
    "amount_yuan": validate_amount_yuan,
    "percent": validate_percent,
    "retirement_category": validate_retirement_category,
    "yes_no": validate_yes_no,
}
