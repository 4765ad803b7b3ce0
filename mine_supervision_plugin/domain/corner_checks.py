"""Boundary-corner checks (拐点核查): the deviation rule and reading a receiver's coordinates.

Seed 002 §二(二)1② asks every patrol to check at least :data:`MIN_CORNERS_PER_PATROL`
licence boundary corners. A check compares the licensed corner with the point
measured in the field (an RTK receiver, in the database's projected CRS): the
deviation is the planar distance in metres, judged against a tolerance (the
``CORNER_TOLERANCE_M`` setting). A measured point more than
:data:`IMPLAUSIBLE_DISTANCE_M` away is not judged: it is far more likely a typing
error or a coordinate in another CRS (another zone, Xi'an 1980, swapped axes)
than a stake a kilometre off, so it is flagged for the user to correct.

Coordinates follow the surveying convention: N (X, northing) first, E (Y,
easting, often with the zone number prefixed: 38 512345.67). Pure Python.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from ..i18n import tr

MIN_CORNERS_PER_PATROL = 3
#: a measured point farther than this from its corner is flagged, not judged (metres)
IMPLAUSIBLE_DISTANCE_M = 1000.0
#: default tolerance of a corner's deviation (metres), see settings.CORNER_TOLERANCE_M
DEFAULT_TOLERANCE_M = 1.0

PASSED, EXCEEDED, IMPLAUSIBLE, NOT_MEASURED = "passed", "exceeded", "implausible", "not_measured"

_NUMBER = re.compile(r"[-+]?\d+(?:\.\d+)?")
# N=3851234.5  X:3851234.5  北 3851234.5 ; E=38512345.6  Y:…  东 …
_LABELLED = re.compile(
    r"(?P<label>[NnXx]|[EeYy]|北|东|北坐标|东坐标)\s*[=:：]?\s*(?P<value>[-+]?\d{5,}(?:\.\d+)?)"
)


class CoordinateTextError(ValueError):
    """Pasted text that holds no N, E pair; the message is for the user."""


@dataclass(frozen=True)
class Measured:
    """A measured position: northing and easting (database CRS), and what reading it did."""

    north: float
    east: float
    note: str = ""


def _is_coordinate(value: float) -> bool:
    # point numbers, heights and codes are small; a projected coordinate has at least 5 digits
    return abs(value) >= 10_000


def parse_measured(text: str) -> Measured:
    """The N, E pair of a receiver's pasted text: ``3851234.56,38512345.67``, ``N=… E=…``, ``P3,N,E,H``.

    Labelled values (N/X/北, E/Y/东) win; otherwise the first two numbers that
    look like projected coordinates (at least 5 digits) are N then E, so a
    leading point number and a trailing height are skipped. A pair given E
    first (the 8-digit value with a zone prefix before the 7-digit northing) is
    turned round and ``note`` says so. Raises :class:`CoordinateTextError`.
    """
    text = (text or "").strip()
    if not text:
        raise CoordinateTextError(tr("Paste or type the measured coordinate as N, E."))
    north = east = None
    for match in _LABELLED.finditer(text):
        label, value = match.group("label").upper(), float(match.group("value"))
        if label in ("N", "X", "北", "北坐标") and north is None:
            north = value
        elif label in ("E", "Y", "东", "东坐标") and east is None:
            east = value
    if north is not None and east is not None:
        return Measured(north, east)
    numbers = [float(n) for n in _NUMBER.findall(text.replace("，", ","))]
    candidates = [n for n in numbers if _is_coordinate(n)]
    if len(candidates) < 2:
        raise CoordinateTextError(
            tr("“{text}” holds no N, E coordinate pair (two numbers of at least 5 digits).").format(text=text[:80])
        )
    north, east = candidates[0], candidates[1]
    if _digits(north) == 8 and _digits(east) == 7:
        return Measured(east, north, tr("The pair was given E, N (the 8-digit value carries the zone): turned round."))
    return Measured(north, east)


def _digits(value: float) -> int:
    return len(str(int(abs(value))))


def with_zone_prefix(east: float, licensed_east: float) -> tuple[float, bool]:
    """``east`` with the licensed corner's zone prefix added when the receiver left it out (True then).

    38 512345.67 is zone 38's easting with its prefix; a receiver set to the
    same zone without prefix gives 512345.67.
    """
    if abs(licensed_east) >= 1_000_000 and abs(east) < 1_000_000:
        return math.floor(licensed_east / 1_000_000) * 1_000_000 + east, True
    return east, False


def deviation_m(licensed: tuple[float, float], measured: tuple[float, float]) -> float:
    """Planar distance between two (north, east) points in metres, rounded to the centimetre."""
    return round(math.hypot(measured[0] - licensed[0], measured[1] - licensed[1]), 2)


@dataclass(frozen=True)
class Verdict:
    """A check's judgement: ``outcome`` one of passed / exceeded / implausible / not_measured."""

    outcome: str
    deviation_m: float | None
    tolerance_m: float

    @property
    def passed(self) -> bool | None:
        """True / False when judged; None when not measured or implausible (never silently judged)."""
        if self.outcome == PASSED:
            return True
        if self.outcome == EXCEEDED:
            return False
        return None

    def text(self) -> str:
        """The judgement as the user reads it."""
        if self.outcome == NOT_MEASURED:
            return tr("No measured coordinate: not judged.")
        deviation = f"{self.deviation_m:,.2f}"
        if self.outcome == IMPLAUSIBLE:
            return tr(
                "The measured point is {deviation} m from the corner: probably a typing error or a coordinate in "
                "another CRS (zone, Xi'an 1980, N and E swapped). Correct it; it is not judged."
            ).format(deviation=deviation)
        if self.outcome == PASSED:
            return tr("Deviation {deviation} m, within the tolerance of {tolerance} m: passed.").format(
                deviation=deviation, tolerance=f"{self.tolerance_m:g}")
        return tr("Deviation {deviation} m, more than the tolerance of {tolerance} m: failed.").format(
            deviation=deviation, tolerance=f"{self.tolerance_m:g}")


def judge(licensed: tuple[float, float], measured: tuple[float, float] | None, tolerance_m: float) -> Verdict:
    """The verdict on a corner measured at ``measured`` (None: not measured) for ``tolerance_m``."""
    if tolerance_m is None or tolerance_m <= 0:
        raise ValueError(tr("The corner tolerance must be more than 0 m."))
    if measured is None:
        return Verdict(NOT_MEASURED, None, tolerance_m)
    deviation = deviation_m(licensed, measured)
    if deviation > IMPLAUSIBLE_DISTANCE_M:
        return Verdict(IMPLAUSIBLE, deviation, tolerance_m)
    return Verdict(PASSED if deviation <= tolerance_m else EXCEEDED, deviation, tolerance_m)


def short_of_corners(count: int) -> bool:
    """Does a patrol with ``count`` corner checks (of one mine) fall short of the seed's minimum?"""
    return count < MIN_CORNERS_PER_PATROL


def short_text(count: int) -> str:
    """The flag a patrol short of corner checks carries."""
    return tr("{count} corner check(s) in this patrol; at least {minimum} are required.").format(
        count=count, minimum=MIN_CORNERS_PER_PATROL)
