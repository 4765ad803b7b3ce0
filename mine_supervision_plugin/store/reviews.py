"""Quarterly reviews (季度研判, seed 000 §二(三): "每季度……进行研判") in the supervision database.

A review is a meeting, not a field visit: it has no route, so it is not an
``inspections`` row but one row of its own table ``reviews`` (schema 6): the
quarter it reviews (``2026-Q1``, the label the compliance check uses), the
day it was held, who took part, its conclusion and how many problems it
found. A quarter counts as reviewed when at least one review names it.
"""

from __future__ import annotations

import datetime as dt
import re

from osgeo import ogr

from ..domain.compliance import QUARTER, unit_label, unit_ordinal
from ..domain.dates import to_date
from ..i18n import tr
from .database import StoreError, SupervisionStore, current_user, reading
from .ogr_util import as_dict, open_read, set_field

REVIEWS = "reviews"
_QUARTER = re.compile(r"^\s*(\d{4})\s*[-年]?\s*(?:Q|q|第)?\s*([1-4])\s*(?:季度)?\s*$")


def quarter_label(value, reviewed_on: dt.date | None = None) -> str:
    """``2026-Q1`` from ``2026-Q1``, ``2026Q1``, ``2026年第1季度``; from ``reviewed_on`` when ``value`` is blank.

    A review held in the first days of a quarter usually reviews the quarter before:
    give the quarter explicitly then.
    """
    if value is None or not str(value).strip():
        if reviewed_on is None:
            raise StoreError(tr("A review needs its quarter (e.g. 2026-Q1) or its date."))
        return unit_label(unit_ordinal(reviewed_on, QUARTER), QUARTER)
    match = _QUARTER.match(str(value))
    if not match:
        raise StoreError(tr("{value} is not a quarter: write it as 2026-Q1.").format(value=value))
    return f"{match.group(1)}-Q{match.group(2)}"


def record_review(store: SupervisionStore, reviewed_on, *, quarter=None, participants: str | None = None,
                  conclusion: str | None = None, problems_found: int | None = None) -> int:
    """Record one quarterly review; return its fid."""
    day = to_date(reviewed_on)
    if day is None:
        raise StoreError(tr("The review date {value} is not a date.").format(value=reviewed_on))
    label = quarter_label(quarter, day)
    with store.transaction() as source:
        layer = source.GetLayerByName(REVIEWS)
        feature = ogr.Feature(layer.GetLayerDefn())
        for name, value in (("quarter", label), ("reviewed_on", day), ("participants", participants),
                            ("conclusion", conclusion), ("problems_found", problems_found)):
            set_field(feature, name, value)
        layer.CreateFeature(feature)
        store.log(source, "record_review", REVIEWS, label, {"reviewed_on": day.isoformat(), "user": current_user()})
        return feature.GetFID()


def reviews(store: SupervisionStore) -> list[dict]:
    """Every recorded review, by date."""
    with reading(store.location):
        source = open_read(store)
        rows = [as_dict(f) for f in source.GetLayerByName(REVIEWS)]
        source = None
    return sorted(rows, key=lambda r: (r.get("reviewed_on") or dt.date.min, r["fid"]))
