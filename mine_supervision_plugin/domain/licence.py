"""A mining licence as read from (and written to) corner-coordinate files.

Coordinates follow the surveying convention of the files: ``x`` is the
northing and ``y`` the easting (possibly with the zone number prefixed).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

_LIST_SEPARATORS = re.compile(r"[,，、;；\s]+")

#: A licence whose validity ends within this many days "expires soon".
EXPIRING_SOON_DAYS = 90

#: Expiry classes of a licence (see :func:`expiry_class`).
VALID, EXPIRING, EXPIRED, UNKNOWN_VALIDITY = "valid", "expiring", "expired", "unknown"


def days_left(valid_to: dt.date | None, today: dt.date) -> int | None:
    """Days from ``today`` to the end of validity; negative once expired, None when the end is unknown."""
    return (valid_to - today).days if valid_to else None


def expiry_class(days_left: int | None, soon_days: int = EXPIRING_SOON_DAYS) -> str:
    """:data:`EXPIRED` (past its end), :data:`EXPIRING` (within ``soon_days``, the last day included),
    :data:`VALID`, or :data:`UNKNOWN_VALIDITY` without an end date."""
    if days_left is None:
        return UNKNOWN_VALIDITY
    if days_left < 0:
        return EXPIRED
    if days_left <= soon_days:
        return EXPIRING
    return VALID


def split_list(text) -> list[str]:
    """The items of a list written in one field: licence or patch numbers separated by commas
    (also ，、；;) or white space, as pre-judgment writes "C1,C2" for a patch on two licences."""
    return [part for part in _LIST_SEPARATORS.split(str(text or "").strip()) if part]


@dataclass
class Corner:
    """One numbered boundary corner (拐点) of a parcel ring."""

    number: int
    x: float  # northing
    y: float  # easting
    ring: int = 1  # 1 = outer ring, 2.. = holes
    line: int | None = None  # source line, for messages


@dataclass
class Parcel:
    """One parcel (地块) of a licence: rings of corners and its licensed depth range."""

    parcel_no: str
    corners: list[Corner] = field(default_factory=list)
    depth_top_m: float | None = None
    depth_bottom_m: float | None = None
    excluded: bool = False
    declared_corner_count: int | None = None
    declared_area: float | None = None  # as written in the file, unit in declared_area_unit
    declared_area_unit: str = "m2"
    name: str = ""
    line: int | None = None

    def rings(self) -> dict[int, list[Corner]]:
        """Corners grouped by ring number, in file order."""
        grouped: dict[int, list[Corner]] = {}
        for corner in self.corners:
            grouped.setdefault(corner.ring, []).append(corner)
        return grouped


@dataclass
class Licence:
    """A mining licence with its attributes and parcels."""

    license_no: str
    mine_name: str = ""
    holder: str = ""
    mineral: str = ""
    mining_method: str | None = None  # vocabulary code
    production_scale: str = ""
    licensed_area_km2: float | None = None
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None
    crs_epsg: int | None = None
    parcels: list[Parcel] = field(default_factory=list)
    attributes: dict[str, str] = field(default_factory=dict)  # every key=value of the file, verbatim
    source_file: str = ""
