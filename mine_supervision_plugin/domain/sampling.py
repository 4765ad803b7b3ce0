"""The city's random spot-check draw (双随机抽查; seed 000 §二(二), DESIGN.md §2).

At least ``ratio`` (20 % by default) of the mines are drawn, stratified by
status (在产/停产/基建/关闭), and the draw always includes the mines whose holder
is on the abnormal list (异常名录) or the serious-dishonesty list (严重违法失信名单)
and the mines a patch, an audit or an inspection flagged.

The draw is reproducible by anyone from the seed alone, whatever the order of
the input and whatever the Python version: each mine's *draw key* is the
SHA-256 of ``"<seed>|<license_no>"`` in hexadecimal; in each status stratum of
``n`` mines, ``ceil(ratio * n)`` mines are taken: first the forced ones of that
stratum, then the others in ascending order of their draw key until the
stratum's number is reached (forced mines beyond it are all taken too).
Mines of an unknown status form a stratum of their own.

Each mine drawn carries its *stratum*, why it was drawn: ``serious_dishonesty``,
``abnormal_list`` or ``flagged`` for a forced inclusion (the first that applies,
in that order), ``random_<status>`` (``random_producing``...) for a random pick,
``random_unknown`` for a random pick among mines of unknown status.
Pure Python, no I/O.
"""

from __future__ import annotations

import hashlib
import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..i18n import tr
from .vocab import to_code

DEFAULT_RATIO = 0.2
#: the draw's method as recorded for an auditor
METHOD = "sha256(seed|license_no) ascending within each status stratum; ceil(ratio*n) per stratum, forced first"
#: forced reasons, strongest first
FORCED = ("serious_dishonesty", "abnormal_list", "flagged")
UNKNOWN = "unknown"
RANDOM_PREFIX = "random_"


class SamplingError(ValueError):
    """The draw cannot be made as asked (a ratio outside (0, 1]...); the message is for the user."""


@dataclass(frozen=True)
class Mine:
    """One mine as the draw sees it: status and credit as codes or labels, flagged or not."""

    license_no: str
    status: str | None = None
    credit_status: str | None = None
    flagged: bool = False


@dataclass(frozen=True)
class Pick:
    """One mine drawn and why."""

    license_no: str
    stratum: str
    status: str  # the status code, or "unknown"
    draw_key: str


@dataclass
class Draw:
    """The answer: the mines drawn, in draw order (forced first, then by stratum and draw key)."""

    seed: str
    ratio: float
    population: int
    picks: list[Pick] = field(default_factory=list)
    #: status stratum -> number of mines in it
    strata: dict[str, int] = field(default_factory=dict)
    #: words for the user about the input (unknown status or credit values, duplicates)
    warnings: list[str] = field(default_factory=list)

    @property
    def license_nos(self) -> list[str]:
        return [p.license_no for p in self.picks]

    def counts(self) -> dict[str, int]:
        """Mines drawn per stratum (why they were drawn)."""
        return dict(Counter(p.stratum for p in self.picks))

    def population_digest(self, license_nos: Iterable[str]) -> str:
        """SHA-256 of the sorted licence numbers drawn from, so an auditor knows the list was the same."""
        return hashlib.sha256("\n".join(sorted(set(license_nos))).encode("utf-8")).hexdigest()


def draw_key(seed, license_no: str) -> str:
    """The mine's place in the random order of ``seed``: hex SHA-256 of ``"<seed>|<license_no>"``."""
    return hashlib.sha256(f"{seed}|{license_no}".encode()).hexdigest()


def check_ratio(ratio: float) -> None:
    if not (0 < ratio <= 1):
        raise SamplingError(
            tr("The ratio must be above 0 and at most 1 (0.2 draws 20 % of the mines); got {ratio}.").format(ratio=ratio)
        )


def forced_reason(mine: Mine) -> str | None:
    """Why the mine must be in the draw (``serious_dishonesty``, ``abnormal_list``, ``flagged``), else None."""
    credit = to_code("credit_status", mine.credit_status) if mine.credit_status not in (None, "") else None
    if credit in ("serious_dishonesty", "abnormal_list"):
        return credit
    return "flagged" if mine.flagged else None


def draw_sample(mines: Iterable[Mine], ratio: float = DEFAULT_RATIO, seed="0") -> Draw:
    """Draw the spot-check list (see the module's rule). Duplicate licence numbers count once (the first)."""
    check_ratio(ratio)
    seed = str(seed).strip()
    unique: dict[str, Mine] = {}
    warnings: list[str] = []
    duplicates: list[str] = []
    unknown_status: list[str] = []
    unknown_credit: list[str] = []
    for mine in mines:
        number = (mine.license_no or "").strip()
        if not number:
            continue
        if number in unique:
            duplicates.append(number)
            continue
        unique[number] = mine
        if _status(mine) is None:
            shown = tr("empty") if mine.status in (None, "") else mine.status
            unknown_status.append(f"{number} ({shown})")
        if mine.credit_status not in (None, "") and to_code("credit_status", mine.credit_status) is None:
            unknown_credit.append(f"{number} ({mine.credit_status})")
    if duplicates:
        warnings.append(
            tr("{count} licence number(s) appear more than once; each is drawn from once: {numbers}").format(
                count=len(set(duplicates)), numbers=_listed(sorted(set(duplicates)))
            )
        )
    if unknown_status:
        warnings.append(tr(
            "{count} mine(s) have a status that is neither a code (producing, suspended, construction, closed) nor "
            "a label (在产, 停产, 基建, 关闭); they are drawn from in a stratum of their own: {mines}"
        ).format(count=len(unknown_status), mines=_listed(unknown_status)))
    if unknown_credit:
        warnings.append(tr(
            "{count} mine(s) have a credit status that is neither a code (normal, abnormal_list, serious_dishonesty) "
            "nor a label (正常, 异常名录, 严重违法失信名单); they are not forced into the draw for it: {mines}"
        ).format(count=len(unknown_credit), mines=_listed(unknown_credit)))

    strata: dict[str, list[tuple[str, str | None, str]]] = {}
    for number, mine in unique.items():
        strata.setdefault(_status(mine) or UNKNOWN, []).append((draw_key(seed, number), forced_reason(mine), number))
    draw = Draw(seed, ratio, len(unique), strata={s: len(m) for s, m in sorted(strata.items())}, warnings=warnings)
    forced_picks, random_picks = [], []
    for status, members in sorted(strata.items()):
        quota = math.ceil(ratio * len(members) - 1e-9)
        members.sort()
        forced = [m for m in members if m[1] is not None]
        others = [m for m in members if m[1] is None]
        forced_picks += [Pick(number, reason, status, key) for key, reason, number in forced]
        taken = max(0, quota - len(forced))
        random_picks += [Pick(number, RANDOM_PREFIX + status, status, key) for key, _, number in others[:taken]]
    forced_picks.sort(key=lambda p: (FORCED.index(p.stratum), p.license_no))
    draw.picks = forced_picks + random_picks
    return draw


def _status(mine: Mine) -> str | None:
    return to_code("right_status", mine.status) if mine.status not in (None, "") else None


def stratum_label(stratum: str) -> str:
    """Words for a stratum, for the log and the output's reason field."""
    words = {
        "serious_dishonesty": tr("holder on the serious-dishonesty list"),
        "abnormal_list": tr("holder on the abnormal list"),
        "flagged": tr("flagged by a patch, an audit or an inspection"),
        "random_producing": tr("random draw among producing mines"),
        "random_suspended": tr("random draw among suspended mines"),
        "random_construction": tr("random draw among mines under construction"),
        "random_closed": tr("random draw among closed mines"),
        "random_unknown": tr("random draw among mines of unknown status"),
    }
    return words.get(stratum, stratum)


def audit_record(draw: Draw, population: Iterable[str], when: str, who: str) -> dict:
    """What the audit log keeps so an auditor can redo the draw: date, who, seed, ratio, method, the list."""
    return {
        "date": when,
        "user": who,
        "seed": draw.seed,
        "ratio": draw.ratio,
        "method": METHOD,
        "population": draw.population,
        "population_sha256": draw.population_digest(population),
        "strata": draw.strata,
        "drawn": [[p.license_no, p.stratum] for p in draw.picks],
    }


def _listed(items: list[str], limit: int = 20) -> str:
    shown = ", ".join(items[:limit])
    if len(items) > limit:
        shown += tr(" and {count} more").format(count=len(items) - limit)
    return shown
