"""The geometry half of the database pre-judgment, run inside PostgreSQL/PostGIS.

A province server holds tens of thousands of patches: instead of moving every
geometry to a laptop, the overlays (patch × licence, patch × zone in force,
patch × earlier patches) run in SQL with the GiST indexes, and only one row of
numbers per patch comes back. The rules that turn those numbers into a
pre-judgment stay in ``analysis/prejudge`` (one place per rule); this module
only measures. The answers are written back by :func:`write_results` in the
caller's transaction.

The measures mirror the array path (``analysis/prejudge/overlay.py``): a pair
counts when its overlap is larger than ``POSITIVE_AREA_M2``; invalid polygons are
repaired with ``ST_MakeValid`` keeping their polygonal parts; the zone is the
in-force zone holding the largest share (lowest fid on a tie); earlier years
are those of overlapping patches with a smaller year.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from osgeo import ogr

_CLEAN = (
    "CASE WHEN {g} IS NULL OR ST_IsEmpty({g}) THEN NULL "
    "WHEN ST_IsValid({g}) THEN ST_Force2D({g}) "
    "ELSE NULLIF(ST_CollectionExtract(ST_MakeValid(ST_Force2D({g})), 3), "
    "'GEOMETRYCOLLECTION EMPTY'::geometry) END"
)


@dataclass
class PatchMeasures:
    """One row per patch with a geometry: what the overlays measured on the server."""

    fid: list[int]
    patch_no: list[str]
    year: list[int | None]
    date_after: list[dt.date | None]
    #: 0 usable as stored, 1 repaired, 3 no area even after repair (see analysis.prejudge.inputs.clean_polygons)
    status: list[int]
    area: list[float | None]
    inside: list[float]
    covered_valid: list[float]
    licences: list[str | None]
    zone_fid: list[int | None]
    repeat_years: list[str | None]


def _sql_int_rows(rows: Iterable[tuple[int, int]]) -> str:
    return ",".join(f"({int(a)},{int(b)})" for a, b in rows)


def _execute(source: ogr.DataSource, sql: str) -> None:
    result = source.ExecuteSQL(sql)
    if result is not None:
        source.ReleaseResultSet(result)


def patch_years(source: ogr.DataSource) -> list[int | None]:
    """The distinct years of the stored patches (their year, else the year of their after-imagery date)."""
    result = source.ExecuteSQL(
        'SELECT DISTINCT COALESCE("year"::integer, EXTRACT(YEAR FROM date_after)::integer) AS y FROM patches'
    )
    try:
        return [feature.GetField("y") if feature.IsFieldSet("y") else None for feature in result]
    finally:
        source.ReleaseResultSet(result)


def measure_patches(
    source: ogr.DataSource, zones_by_year: dict[int, Sequence[int]], undated_year: int, positive_area_m2: float
) -> PatchMeasures:
    """Overlay every stored patch on the server and return its measures (see :class:`PatchMeasures`).

    ``zones_by_year`` maps a patch year to the fids of the monitoring zones in
    force that year; ``undated_year`` is the year whose list applies to
    patches without any year.
    """
    pairs = [(year, fid) for year, fids in zones_by_year.items() for fid in fids]
    _execute(source, "CREATE TEMP TABLE ms_pj_zone_years (year integer, zone_fid bigint) ON COMMIT DROP")
    if pairs:
        _execute(source, f"INSERT INTO ms_pj_zone_years VALUES {_sql_int_rows(pairs)}")
    _execute(
        source,
        "CREATE TEMP TABLE ms_pj_patch ON COMMIT DROP AS SELECT fid, patch_no, "
        'COALESCE("year"::integer, EXTRACT(YEAR FROM date_after)::integer) AS year_of, date_after, '
        f"{_CLEAN.format(g='geom')} AS g, NOT ST_IsValid(geom) AS repaired "
        "FROM patches WHERE geom IS NOT NULL AND NOT ST_IsEmpty(geom)",
    )
    _execute(source, "CREATE INDEX ON ms_pj_patch USING gist (g)")
    _execute(source, "ANALYZE ms_pj_patch")
    # Each (patch, licence) pair with its overlap area; a patch wholly covered needs no intersection.
    _execute(
        source,
        "CREATE TEMP TABLE ms_pj_pairs ON COMMIT DROP AS "
        "SELECT p.fid AS pid, r.license_no, r.lg, "
        "(p.date_after IS NOT NULL AND (r.valid_from IS NULL OR r.valid_from <= p.date_after) "
        " AND (r.valid_to IS NULL OR r.valid_to >= p.date_after)) AS valid, "
        "CASE WHEN ST_Covers(r.lg, p.g) THEN ST_Area(p.g) ELSE ST_Area(ST_Intersection(p.g, r.lg)) END AS a "
        "FROM ms_pj_patch p JOIN LATERAL ("
        f" SELECT license_no, valid_from, valid_to, {_CLEAN.format(g='geom')} AS lg FROM mining_rights m"
        " WHERE m.geom && p.g) r ON r.lg IS NOT NULL AND ST_Intersects(p.g, r.lg) "
        "WHERE p.g IS NOT NULL",
    )
    _execute(source, f"DELETE FROM ms_pj_pairs WHERE a <= {float(positive_area_m2)!r}")
    _execute(source, "CREATE INDEX ON ms_pj_pairs (pid)")
    sql = (
        "SELECT p.fid, p.patch_no, p.year_of, p.date_after, "
        "CASE WHEN p.g IS NULL THEN 3 WHEN p.repaired THEN 1 ELSE 0 END AS status, ST_Area(p.g) AS area, "
        "COALESCE(lic.inside, 0) AS inside, COALESCE(lic.covered_valid, 0) AS covered_valid, lic.licences, "
        "z.zone_fid, rep.years "
        "FROM ms_pj_patch p "
        "LEFT JOIN LATERAL (SELECT "
        " CASE WHEN count(*) = 1 THEN max(a) ELSE ST_Area(ST_Intersection(p.g, ST_Union(lg))) END AS inside, "
        " CASE WHEN bool_and(valid) AND count(*) = 1 THEN max(a) "
        "      WHEN bool_and(valid) THEN ST_Area(ST_Intersection(p.g, ST_Union(lg))) "
        "      WHEN NOT bool_or(valid) THEN 0 "
        "      ELSE ST_Area(ST_Intersection(p.g, ST_Union(lg) FILTER (WHERE valid))) END AS covered_valid, "
        " string_agg(DISTINCT NULLIF(license_no, ''), ',' ORDER BY NULLIF(license_no, '')) AS licences "
        " FROM ms_pj_pairs q WHERE q.pid = p.fid HAVING count(*) > 0) lic ON true "
        "LEFT JOIN LATERAL (SELECT z.fid AS zone_fid FROM ("
        f" SELECT mz.fid, {_CLEAN.format(g='mz.geom')} AS zg FROM monitoring_zones mz "
        f" JOIN ms_pj_zone_years zy ON zy.zone_fid = mz.fid AND zy.year = COALESCE(p.year_of, {int(undated_year)}) "
        " WHERE mz.geom && p.g) z "
        " WHERE z.zg IS NOT NULL AND ST_Intersects(z.zg, p.g) "
        " AND ST_Area(ST_Intersection(p.g, z.zg)) > {pos} "
        " ORDER BY ST_Area(ST_Intersection(p.g, z.zg)) DESC, z.fid LIMIT 1) z ON true "
        "LEFT JOIN LATERAL (SELECT string_agg(DISTINCT q.year_of::text, ',') AS years FROM ("
        " SELECT DISTINCT e.year_of FROM ms_pj_patch e WHERE e.g && p.g AND e.year_of IS NOT NULL "
        " AND (p.year_of IS NULL OR e.year_of < p.year_of) AND ST_Intersects(e.g, p.g) "
        " AND ST_Area(ST_Intersection(p.g, e.g)) > {pos} ORDER BY e.year_of) q) rep ON true "
        "ORDER BY p.fid"
    ).replace("{pos}", repr(float(positive_area_m2)))
    result = source.ExecuteSQL(sql)
    measures = PatchMeasures([], [], [], [], [], [], [], [], [], [], [])
    try:
        definition = result.GetLayerDefn()
        at = {definition.GetFieldDefn(i).GetName(): i for i in range(definition.GetFieldCount())}
        # by index: looking a field up by name costs more than the whole overlay on 100,000 rows
        fid, number, year, date, status = at["fid"], at["patch_no"], at["year_of"], at["date_after"], at["status"]
        area, inside, valid, licences, zone, years = (
            at["area"], at["inside"], at["covered_valid"], at["licences"], at["zone_fid"], at["years"]
        )
        for feature in result:
            measures.fid.append(feature.GetFieldAsInteger64(fid))
            measures.patch_no.append(feature.GetFieldAsString(number))
            measures.year.append(feature.GetFieldAsInteger(year) if feature.IsFieldSetAndNotNull(year) else None)
            measures.date_after.append(
                dt.date(*feature.GetFieldAsDateTime(date)[:3]) if feature.IsFieldSetAndNotNull(date) else None
            )
            measures.status.append(feature.GetFieldAsInteger(status))
            measures.area.append(feature.GetFieldAsDouble(area) if feature.IsFieldSetAndNotNull(area) else None)
            measures.inside.append(feature.GetFieldAsDouble(inside))
            measures.covered_valid.append(feature.GetFieldAsDouble(valid))
            measures.licences.append(feature.GetFieldAsString(licences) or None if feature.IsFieldSetAndNotNull(licences) else None)
            measures.zone_fid.append(feature.GetFieldAsInteger64(zone) if feature.IsFieldSetAndNotNull(zone) else None)
            measures.repeat_years.append(
                _sorted_years(feature.GetFieldAsString(years)) if feature.IsFieldSetAndNotNull(years) else None
            )
    finally:
        source.ReleaseResultSet(result)
    return measures


def _sorted_years(text: str | None) -> str | None:
    if not text:
        return None
    return ",".join(str(year) for year in sorted({int(value) for value in text.split(",")}))


def _literal(value) -> str:
    if value is None:
        return "NULL"
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, (int, float)):
        if value != value:  # NaN
            return "NULL"
        return repr(float(value)) if isinstance(value, float) else str(int(value))
    return "'" + str(value).replace("'", "''") + "'"


def write_results(source: ogr.DataSource, fids: Sequence[int], columns: dict[str, Sequence], chunk: int = 2000) -> None:
    """Set ``columns`` (name → one value per fid) on the patches ``fids``, a few thousand rows per UPDATE."""
    names = list(columns)
    casts = {
        name: "double precision" if name.endswith("_m2") else "text" for name in names
    }
    for start in range(0, len(fids), chunk):
        rows = []
        for i in range(start, min(start + chunk, len(fids))):
            values = [str(int(fids[i]))] + [_literal(columns[name][i]) for name in names]
            rows.append("(" + ",".join(values) + ")")
        assignments = ", ".join(f'"{name}" = v."{name}"::{casts[name]}' for name in names)
        column_list = ", ".join(["fid"] + [f'"{name}"' for name in names])
        _execute(
            source,
            f"UPDATE patches SET {assignments} FROM (VALUES {','.join(rows)}) AS v({column_list}) "
            "WHERE patches.fid = v.fid",
        )
