"""What every coordinate-file reader shares: the format names and the results of a read."""

from __future__ import annotations

from dataclasses import dataclass, field

from ...domain.licence import Licence
from ...domain.licence_checks import Problem

LAND_EXCHANGE = "land_exchange"


REGISTRATION = "registration"


TABLE = "table"


SUFFIXES = (".txt", ".csv", ".xlsx")


@dataclass
class CoordinateReadResult:
    """The licences of one accepted file."""

    licences: list[Licence]
    crs_epsg: int
    warnings: list[Problem]
    path: str
    format: str = ""


@dataclass
class BatchReadResult:
    """Accepted files' results and refused files' problems (keyed by path)."""

    results: list[CoordinateReadResult] = field(default_factory=list)
    failures: dict[str, list[Problem]] = field(default_factory=dict)
