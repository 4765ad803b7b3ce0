"""Administrative penalty cases and the seed-003 rule of transfer to the judiciary (移送司法机关).

Seed 003 §二: "同一违法主体二年内曾因非法采矿受过两次以上行政处罚，又实施非法采矿行为，
涉嫌构成非法采矿罪的，要依法移送司法机关追究刑事责任". Read here as: a party (the
holder, or the person a case names for unlicensed mining) with at least
:data:`PRIOR_PENALTIES` penalty decisions for illegal mining dated within the
:data:`WINDOW_YEARS` years before a new violation (the day it was found), whose
new violation is itself illegal mining, must be transferred. The penalty of
the new violation itself (decided after it was found) does not count.

Illegal mining (非法采矿, Criminal Law art. 343 and the 2016 judicial
interpretation): mining without a licence, beyond the licensed area, beyond
the licensed mineral, and mining under the cover of construction or
restoration; destructive mining (破坏性采矿) and illegal transfer are other
offences. Pure Python, no I/O.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from .dates import to_date
from .vocab import to_code

#: violation types that are illegal mining (非法采矿) in the sense of seed 003
ILLEGAL_MINING = frozenset({"unlicensed", "out_of_bounds", "beyond_mineral_or_method", "under_cover_of_construction"})
PRIOR_PENALTIES = 2
WINDOW_YEARS = 2


def is_illegal_mining(violation_type) -> bool:
    """True for a violation type (code or label) that is illegal mining."""
    return to_code("violation_type", violation_type) in ILLEGAL_MINING if violation_type else False


def party_key(name) -> str | None:
    """The same party written the same way: blanks removed, full-width brackets as half-width."""
    if name is None:
        return None
    text = "".join(str(name).split()).replace("（", "(").replace("）", ")")
    return text or None


def years_before(day: dt.date, years: int) -> dt.date:
    """The same calendar day ``years`` years earlier (29 February → 28 February)."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


@dataclass(frozen=True)
class TransferFinding:
    """The rule's answer for one new violation."""

    required: bool
    prior: tuple[str, ...]  # decision numbers of the penalties counted
    basis: str  # in Chinese: the patch's field and the ledger show it

    def __bool__(self) -> bool:
        return self.required


def transfer_finding(
    party,
    violation_type,
    found_on,
    cases: Iterable[Mapping],
    *,
    exclude_decisions: Iterable[str] = (),
) -> TransferFinding:
    """Does a new violation of ``party`` (found on ``found_on``) call for transfer to the judiciary?

    ``cases``: penalty cases with ``party``, ``violation_type``, ``decided_on``,
    ``decision_no``; ``exclude_decisions``: the decisions about this very
    violation (they are its penalty, not earlier ones).
    """
    day = to_date(found_on)
    key = party_key(party)
    if key is None or day is None or not is_illegal_mining(violation_type):
        return TransferFinding(False, (), "")
    since = years_before(day, WINDOW_YEARS)
    excluded = {str(d) for d in exclude_decisions if d}
    prior = []
    for case in cases:
        decided = to_date(case.get("decided_on"))
        if (
            party_key(case.get("party")) == key
            and decided is not None
            and since <= decided < day
            and is_illegal_mining(case.get("violation_type"))
            and str(case.get("decision_no")) not in excluded
        ):
            prior.append((decided, str(case.get("decision_no"))))
    prior.sort()
    numbers = tuple(number for _, number in prior)
    if len(numbers) < PRIOR_PENALTIES:
        return TransferFinding(False, numbers, "")
    basis = (
        f"{party}自{since.isoformat()}至{day.isoformat()}二年内因非法采矿受过{len(numbers)}次行政处罚"
        f"（{'、'.join(numbers)}），又实施非法采矿行为，"
        "依《自然资源部办公厅关于加强和改进矿产执法工作的通知》第二条应依法移送司法机关"
    )
    return TransferFinding(True, numbers, basis)
