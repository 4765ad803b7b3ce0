"""What the pre-judgment takes and gives: its constants, its inputs as arrays, its per-patch results."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

DEFAULT_DATE_FIELD = "date_after"
DEFAULT_TOLERANCE_M2 = 1.0
POSITIVE_AREA_M2 = 1e-6
PENALTY_WINDOW_YEARS = 2
PENALTIES_FOR_TRANSFER = 2
MAX_NAMED = 20  # items named in one warning before "and N more"

PREJUDGMENTS = ("within_licence", "out_of_bounds", "expired_licence", "unlicensed")

#: Output columns added to every patch, in order, with their kinds.
OUTPUT_FIELDS: tuple[tuple[str, str], ...] = (
    ("prejudgment", "text"),
    ("inside_area_m2", "real"),
    ("outside_area_m2", "real"),
    ("expired_area_m2", "real"),
    ("license_no", "text"),
    ("zone_name", "text"),
    ("zone_level", "text"),
    ("repeat_years", "text"),
    ("penalties_2y", "integer"),
    ("transfer_to_judiciary", "boolean"),
    ("prejudge_note", "text"),
)

class PrejudgeError(Exception):
    """Input the pre-judgment cannot work with, worded for the user."""


class PrejudgeCanceled(Exception):
    """Raised when the caller's ``is_canceled`` returns True."""


@dataclass
class LicenceSet:
    """Licence polygons (one row per polygon; a licence may have several) and their validity."""

    geometries: np.ndarray
    license_no: Sequence
    valid_from: Sequence  # dates, datetimes, ISO strings or None
    valid_to: Sequence
    holder: Sequence | None = None
    #: Set when ``geometries`` were already cleaned by :func:`clean_polygons` (its status per polygon):
    #: they are then used as they are. A caller reading the licences can check them while it reads.
    status: np.ndarray | None = None


@dataclass
class ZoneSet:
    """Key monitoring zones (重点监测矿区)."""

    geometries: np.ndarray
    name: Sequence
    level: Sequence | None = None


@dataclass
class PreviousPatches:
    """Patches of earlier years (or batches) with their year."""

    geometries: np.ndarray
    year: Sequence  # int years (or None)


@dataclass
class PenaltyCases:
    """Administrative penalties for illegal mining: who (licence and/or holder) and when."""

    penalty_date: Sequence
    license_no: Sequence | None = None
    holder: Sequence | None = None


@dataclass
class PrejudgeArrays:
    """Per-patch results aligned with the input patches (``None``/NaN where not computed)."""

    columns: dict[str, list | np.ndarray]
    warnings: list[str] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.columns["prejudgment"])

    def row(self, index: int) -> dict:
        """The output values of one patch, as plain Python values (None for missing)."""
        values = {}
        for name, kind in OUTPUT_FIELDS:
            value = self.columns[name][index]
            if kind == "real":
                value = None if value is None or not math.isfinite(value) else float(value)
            elif kind == "integer":
                value = None if value is None or value < 0 else int(value)
            elif kind == "boolean":
                value = None if value is None else bool(value)
            values[name] = value
        return values


    def output_values(self) -> list[list]:
        """Every output column as a list of plain Python values (None for missing), in :data:`OUTPUT_FIELDS` order.

        Areas are rounded to 0.1 mm² (4 decimals), as they are written.
        """
        out = []
        for name, kind in OUTPUT_FIELDS:
            column = self.columns[name]
            if kind == "real":
                array = np.asarray(column, dtype=float)
                values = np.round(array, 4).astype(object)
                values[~np.isfinite(array)] = None
                out.append(values.tolist())
            elif kind == "integer":
                array = np.asarray(column, dtype=np.int64)
                values = array.astype(object)
                values[array < 0] = None
                out.append(values.tolist())
            elif kind == "boolean":
                out.append([None if v is None else bool(v) for v in column])
            else:
                out.append([None if v is None else str(v) for v in column])
        return out
