"""Verdicts on an applicant's own facts (one rule engine, shared by the Q&A verdicts).

- :mod:`.rules` — :func:`assess` the parsed conditions of any notice against a
  :class:`knowledge.profile.Profile`; :class:`Status`, :class:`Finding`, :func:`overall`.
- :mod:`.sentences` — :func:`sentence_verdict` from a condition sentence without a rule kind.
- :mod:`.replies` — :func:`verdict_part` and :func:`deadline_verdict`, the answer lines.
"""

from knowledge.eligibility.replies import (
    deadline_verdict,
    last_deadline,
    round_closed,
    verdict_part,
)
from knowledge.eligibility.rules import Finding, Status, assess, overall
from knowledge.eligibility.sentences import sentence_verdict

__all__ = [
    "Finding",
    "Status",
    "assess",
    "deadline_verdict",
    "last_deadline",
    "round_closed",
    "overall",
    "sentence_verdict",
    "verdict_part",
]
