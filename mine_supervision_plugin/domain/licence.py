"""A mining licence as read from (and written to) corner-coordinate files.

Coordinates follow the surveying convention of the files: ``x`` is the
northing and ``y`` the easting (possibly with the zone number prefixed).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

_LIST_SEPARATORS = re.compile(r"[,，、;；\s]+")


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
