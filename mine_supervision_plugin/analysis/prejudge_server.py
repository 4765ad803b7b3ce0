"""The database pre-judgment on a PostGIS store: overlays in the server, the rules here.

:func:`..analysis.prejudge_store.prejudge_database` comes here when the store
is PostgreSQL. The server measures each patch (``store.server_prejudge``); the
same rule functions as the array path classify it and word its notes, so both
stores give the same answers.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import numpy as np

from ..domain.zones import zones_in_force_mask
from ..store import server_prejudge
from ..store.database import SupervisionStore, reading
from ..store.ogr_util import open_read
from .prejudge.inputs import check_dates, check_patches
from .prejudge.model import POSITIVE_AREA_M2
from .prejudge.rules import classify


def prejudge_on_server(
    store: SupervisionStore,
    report,
    *,
    tolerance_m2: float,
    progress: Callable[[float], None] | None = None,
    is_canceled: Callable[[], bool] | None = None,
    before_commit: Callable[[object], None] | None = None,
) -> None:
    """Pre-judge every patch with a geometry of the PostGIS ``store``, filling ``report`` (one transaction).

    ``before_commit(source)`` writes what else belongs to the same transaction (the patches without geometry).
    """
    with reading(store.location):
        zones = _zone_years(store)
    if progress is not None:
        progress(5.0)
    with store.transaction() as source:
        years = server_prejudge.patch_years(source)
        this_year = dt.date.today().year
        zones_by_year = {}
        for year in {this_year, *(y for y in years if y is not None)}:
            in_force = zones_in_force_mask([zone_year for _, zone_year in zones], year)
            zones_by_year[year] = [fid for (fid, _), keep in zip(zones, in_force) if keep]
        measures = server_prejudge.measure_patches(source, zones_by_year, this_year, POSITIVE_AREA_M2)
        if progress is not None:
            progress(80.0)
        if is_canceled is not None and is_canceled():
            raise Cancelled
        columns, warnings = _judge(measures, tolerance_m2, _zone_names(store, source))
        server_prejudge.write_results(source, measures.fid, columns)
        for code in columns["prejudgment"]:
            key = code or "none"
            report.counts[key] = report.counts.get(key, 0) + 1
        report.judged += len(measures.fid)
        report.warnings += warnings
        if before_commit is not None:
            before_commit(source)
        store.log(source, "prejudge", "patches", "", {"judged": report.judged, "counts": report.counts, "server": True})
    if progress is not None:
        progress(100.0)


class Cancelled(Exception):
    """Raised inside the transaction so that nothing is written."""


def _zone_years(store: SupervisionStore) -> list[tuple[int, object]]:
    source = open_read(store)
    try:
        layer = source.GetLayerByName("monitoring_zones")
        layer.SetIgnoredFields(["name", "level", "note", "OGR_GEOMETRY"])
        zones = [(feature.GetFID(), feature.GetField("year")) for feature in layer]
        layer = None
    finally:
        source = None
    return sorted(zones)


def _zone_names(store: SupervisionStore, source) -> dict[int, tuple[str | None, str | None]]:
    from ..domain.vocab import to_code

    layer = source.GetLayerByName("monitoring_zones")
    names = {}
    for feature in layer:
        level = feature.GetField("level")
        code = to_code("zone_level", level) if level not in (None, "") else None
        kept = str(level).strip() or None if level is not None else None
        names[feature.GetFID()] = ((feature.GetField("name") or "").strip() or None, code or kept)
    layer.ResetReading()
    return names


def _judge(measures, tolerance_m2: float, zone_names: dict) -> tuple[dict, list[str]]:
    """The pre-judgment columns of the measured patches, by the same rules as the array path."""
    n = len(measures.fid)
    status = np.array(measures.status, dtype=np.int8)
    usable = status != 3
    ids = [str(number) for number in measures.patch_no]
    warnings: list[str] = []
    notes: dict[int, list[str]] = {i: [] for i in range(n)}
    check_patches(status, ids, warnings, notes)
    date_ord = check_dates(measures.date_after, usable, ids, "date_after", warnings, notes)
    area = np.array([np.nan if a is None else a for a in measures.area], dtype=float)
    inside = np.minimum(np.array(measures.inside, dtype=float), np.nan_to_num(area, nan=0.0))
    covered_valid = np.minimum(np.array(measures.covered_valid, dtype=float), inside)
    outside = np.where(usable, np.maximum(area - inside, 0.0), np.nan)
    has_date = ~np.isnan(date_ord)
    expired = np.where(usable & has_date, inside - covered_valid, np.nan)
    not_valid = np.where(usable & has_date, area - covered_valid, np.nan)
    prejudgment = classify(usable, has_date, inside, outside, not_valid, tolerance_m2)
    zone = [zone_names.get(fid, (None, None)) if fid is not None else (None, None) for fid in measures.zone_fid]
    licences = [
        ",".join(sorted(set(text.split(",")))) if text else None for text in measures.licences
    ]
    columns = {
        "prejudgment": list(prejudgment),
        "inside_area_m2": list(np.where(usable, inside, np.nan)),
        "outside_area_m2": list(outside),
        "expired_area_m2": list(expired),
        "license_no": licences,
        "zone_name": [name for name, _ in zone],
        "zone_level": [level for _, level in zone],
        "repeat_years": list(measures.repeat_years),
        "prejudge_note": ["; ".join(notes[i]) if notes[i] else None for i in range(n)],
    }
    return columns, warnings
