"""Patrol frequency per mine and what a period requires (seed 002 §二(二)1, DESIGN.md §2).

Producing mines (在产) are patrolled at least once a calendar month; suspended,
under-construction and closed mines (停产、基建、关闭) at least once a calendar
quarter. For a period [start, end] (both days included) a mine's *required
periods* are the calendar months (or quarters) that overlap the period, even
partly; a required month or quarter is *satisfied* by at least one inspection of
the mine dated inside both the period and that month or quarter; the others are
*missing*.

Months and quarters are numbered by an ordinal (:func:`unit_ordinal`):
``(year * 12 + month - 1) // months_per_unit``, 1 month for ``"month"``, 3 for
``"quarter"``; the array version in :mod:`..analysis.compliance` uses the same
formula. Pure Python, no I/O.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from ..i18n import tr
from .vocab import to_code

MONTH = "month"
QUARTER = "quarter"
#: months per calendar unit of each frequency
MONTHS_PER_UNIT = {MONTH: 1, QUARTER: 3}
#: how often a mine of each status (code) must be patrolled
FREQUENCY_BY_STATUS = {
    "producing": MONTH,
    "suspended": QUARTER,
    "construction": QUARTER,
    "closed": QUARTER,
}


class PeriodError(ValueError):
    """The period asked cannot be checked (end before start, no date); the message is for the user."""


def status_code(value) -> str | None:
    """The status code of a code or a label (在产, producing...); None when it is neither (or empty)."""
    if value is None:
        return None
    text = str(value).strip()
    if not text:
        return None
    return to_code("right_status", text)


def frequency(status) -> str | None:
    """``"month"`` or ``"quarter"`` for a status given as code or label; None for an unknown status."""
    code = status_code(status)
    return FREQUENCY_BY_STATUS.get(code) if code else None


def check_period(start: dt.date | None, end: dt.date | None) -> None:
    """Raise :class:`PeriodError` when the period is not one: a bound missing, or end before start."""
    if start is None or end is None:
        raise PeriodError(tr("The period needs a start and an end date."))
    if end < start:
        raise PeriodError(
            tr("The period ends ({end}) before it starts ({start}): give PERIOD_END on or after PERIOD_START.").format(
                start=start.isoformat(), end=end.isoformat()
            )
        )


def unit_ordinal(day: dt.date, kind: str) -> int:
    """The number of the calendar month or quarter holding ``day`` (see the module's formula)."""
    return (day.year * 12 + day.month - 1) // MONTHS_PER_UNIT[kind]


def unit_label(ordinal: int, kind: str) -> str:
    """``2026-03`` for a month, ``2026-Q2`` for a quarter."""
    if kind == MONTH:
        year, month = divmod(ordinal, 12)
        return f"{year}-{month + 1:02d}"
    year, quarter = divmod(ordinal, 4)
    return f"{year}-Q{quarter + 1}"


def unit_bounds(ordinal: int, kind: str) -> tuple[dt.date, dt.date]:
    """First and last day of a calendar month or quarter."""
    first_month = ordinal * MONTHS_PER_UNIT[kind]
    year, month = divmod(first_month, 12)
    first = dt.date(year, month + 1, 1)
    year_after, month_after = divmod(first_month + MONTHS_PER_UNIT[kind], 12)
    return first, dt.date(year_after, month_after + 1, 1) - dt.timedelta(days=1)


def required_ordinals(start: dt.date, end: dt.date, kind: str) -> range:
    """The months or quarters overlapping [start, end], as ordinals."""
    check_period(start, end)
    return range(unit_ordinal(start, kind), unit_ordinal(end, kind) + 1)


def required_periods(status, start: dt.date, end: dt.date) -> list[str]:
    """Labels of the months or quarters a mine of ``status`` must be patrolled in; [] for an unknown status."""
    kind = frequency(status)
    if kind is None:
        check_period(start, end)
        return []
    return [unit_label(o, kind) for o in required_ordinals(start, end, kind)]


@dataclass(frozen=True)
class MineCompliance:
    """One mine's answer for one period."""

    status: str | None
    frequency: str | None
    required: tuple[str, ...]
    satisfied: tuple[str, ...]
    missing: tuple[str, ...]
    inspections_in_period: int
    last_inspected_on: dt.date | None

    @property
    def missing_text(self) -> str:
        """The missing months or quarters as users read them: ``2026-03, 2026-07``."""
        return format_missing(self.missing)


def format_missing(labels: Iterable[str]) -> str:
    """Missing period labels joined the one way every face shows them."""
    return ", ".join(labels)


def mine_compliance(status, start: dt.date, end: dt.date, inspected_on: Iterable[dt.date]) -> MineCompliance:
    """One mine's required, satisfied and missing periods from its inspection dates (any order, any period).

    The rule in plain Python, one mine at a time; :mod:`..analysis.compliance`
    answers the same for a province at once.
    """
    check_period(start, end)
    code = status_code(status)
    kind = FREQUENCY_BY_STATUS.get(code) if code else None
    dates = [d for d in inspected_on if d is not None]
    inside = [d for d in dates if start <= d <= end]
    before_end = [d for d in dates if d <= end]
    last = max(before_end) if before_end else None
    if kind is None:
        return MineCompliance(code, None, (), (), (), len(inside), last)
    required = list(required_ordinals(start, end, kind))
    done = {unit_ordinal(d, kind) for d in inside}
    return MineCompliance(
        code,
        kind,
        tuple(unit_label(o, kind) for o in required),
        tuple(unit_label(o, kind) for o in required if o in done),
        tuple(unit_label(o, kind) for o in required if o not in done),
        len(inside),
        last,
    )
