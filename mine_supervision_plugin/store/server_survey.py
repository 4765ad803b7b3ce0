"""The geometry half of a special-survey comparison, run inside PostgreSQL/PostGIS.

A province server holds thousands of mines' measured extents: instead of moving
every extent and licence to a laptop, the overlays (each mine's extents
merged, the licence cut from them, the pieces, their farthest vertex beyond the
boundary, the band along the boundary, the growth since the previous round)
run in SQL with the GiST indexes of ``mining_rights`` and ``survey_extents``.
What comes back is one row of numbers per mine and per piece, with the pieces'
geometries (WKB) that the results show. The rules that word the comparison
stay in ``analysis/survey`` (one place per rule); this module only measures,
mirroring the arrays path of ``analysis/survey.py``:

* licences: the rows of one number merged (their union; highest top, lowest
  bottom), in the order of their first row;
* an extent goes to the licence whose number it carries (case and spaces
  aside), else to the licence it overlaps most (first licence on a tie), else
  to none: then it is a mine of its own, held against the union of the
  licences it meets;
* outside: the mine's extents less its licence, unless the licence holds them
  wholly (``ST_ContainsProperly``); pieces of at least ``min_area_m2``; the
  farthest vertex of each piece from the licence's boundary (a one-sided
  Hausdorff distance: max over the piece's vertices, not ``ST_HausdorffDistance``,
  which is two-sided), the first vertex in order on a tie.

Every statement runs in the caller's transaction; the work tables are
temporary and dropped at its end, so nothing is written to the database.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from osgeo import ogr

from .surveys import TABLE

#: Separates licence numbers in one text field (a number never holds a control character).
_SEP = "\x1f"


@dataclass
class MineRows:
    """One row per mine of the round, in the order of its first extent (fid)."""

    number: list[str | None] = field(default_factory=list)  # its licence; None: matches none
    first_fid: list[int] = field(default_factory=list)
    stated: list[str | None] = field(default_factory=list)  # the number its first extent carries
    extents: list[int] = field(default_factory=list)
    top: list[float | None] = field(default_factory=list)
    bottom: list[float | None] = field(default_factory=list)
    area: list[float] = field(default_factory=list)
    wkb: list[str] = field(default_factory=list)  # hex
    licensed_top: list[float | None] = field(default_factory=list)
    licensed_bottom: list[float | None] = field(default_factory=list)
    #: the licences it is held against (its own, or those an unmatched mine meets, in licence order)
    against: list[list[str]] = field(default_factory=list)


@dataclass
class PieceRows:
    """One row per piece: its mine (row of :class:`MineRows`), area, geometry and the distance of each of its
    vertices to the licence's boundary (None when held against no licence)."""

    mine: list[int] = field(default_factory=list)
    area: list[float] = field(default_factory=list)
    wkb: list[str] = field(default_factory=list)
    distances: list[list[float] | None] = field(default_factory=list)


@dataclass
class ApproachRows:
    """One row per mine within the band: its distance to the boundary and its part within the band."""

    mine: list[int] = field(default_factory=list)
    distance: list[float] = field(default_factory=list)
    area: list[float] = field(default_factory=list)
    wkb: list[str] = field(default_factory=list)


@dataclass
class GrowthRows:
    """The mines compared with the previous round, and one row per growth piece."""

    compared: list[int] = field(default_factory=list)
    mine: list[int] = field(default_factory=list)
    area: list[float] = field(default_factory=list)
    outside: list[float] = field(default_factory=list)  # its area beyond the boundary
    near: list[bool] = field(default_factory=list)  # within the band of the boundary (only asked when none beyond)
    #: a ring round the previous extent in a licence holding the extent wholly: as near as the extent is
    ringed: list[bool] = field(default_factory=list)
    wkb: list[str] = field(default_factory=list)


def _execute(source: ogr.DataSource, sql: str) -> None:
    result = source.ExecuteSQL(sql)
    if result is not None:
        source.ReleaseResultSet(result)


def _rows(source: ogr.DataSource, sql: str) -> list[list]:
    """The rows of a query, in its order, as lists of plain values (None for NULL), by column index.

    Only for reading what is already computed: the overlays themselves run into work tables first (``CREATE
    TEMP TABLE ... AS``). Read straight through OGR's cursor they took several times as long as the statement
    itself does (on 2,000 mines the outside pieces 5.6 s instead of 0.5 s); the geometries are encoded only
    while read, as a work table of hex text costs more to write than the overlay that made it.
    """
    result = source.ExecuteSQL(sql)
    try:
        definition = result.GetLayerDefn()
        count = definition.GetFieldCount()
        kinds = [definition.GetFieldDefn(k).GetType() for k in range(count)]
        rows = []
        for feature in result:
            row = []
            for k in range(count):
                if not feature.IsFieldSetAndNotNull(k):
                    row.append(None)
                elif kinds[k] == ogr.OFTReal:
                    row.append(feature.GetFieldAsDouble(k))
                elif kinds[k] in (ogr.OFTInteger, ogr.OFTInteger64):
                    row.append(feature.GetFieldAsInteger64(k))
                elif kinds[k] == ogr.OFTRealList:
                    row.append(feature.GetFieldAsDoubleList(k))
                else:
                    row.append(feature.GetFieldAsString(k))
            rows.append(row)
        return rows
    finally:
        source.ReleaseResultSet(result)


def _text(value: str) -> str:
    return "'" + str(value).replace("'", "''") + "'"


def _hex(column: str) -> str:
    return f"encode(ST_AsBinary({column}), 'hex')"


def _merged(geometry: str) -> str:
    """One geometry of a group: itself when alone (as the arrays path keeps it), else their union."""
    return f"CASE WHEN count(*) = 1 THEN (array_agg({geometry}))[1] ELSE ST_Union({geometry}) END"


def prepare(source: ogr.DataSource, round_id: str, previous_round: str | None, min_area_m2: float) -> None:
    """Build the work tables of a comparison: licences, extents matched, mines, their outside pieces."""
    previous = _text(previous_round) if previous_round else "NULL"
    # PostGIS's functions are costed so high that every statement here would be JIT-compiled, which costs more
    # (about 0.3 s a statement) than it saves on a few thousand rows; for this transaction only (and only where
    # the server has JIT: PostgreSQL 11 on)
    _rows(source, "SELECT set_config('jit', 'off', true) WHERE current_setting('server_version_num')::int >= 110000")
    # the work tables hold tens of megabytes of geometry: LZ4 compresses them several times faster than the
    # default pglz (PostgreSQL 14 on, when built with it; else the default stays)
    _execute(source, "DO $$ BEGIN PERFORM set_config('default_toast_compression', 'lz4', true); "
                     "EXCEPTION WHEN others THEN NULL; END $$")
    _execute(source, (
        "CREATE TEMP TABLE ms_sv_lic ON COMMIT DROP AS "
        "SELECT btrim(license_no) AS no, upper(btrim(license_no)) AS key, min(fid) AS ord, "
        f"{_merged('geom')} AS g, max(depth_top_m) AS top, min(depth_bottom_m) AS bottom "
        "FROM mining_rights WHERE btrim(license_no) <> '' AND geom IS NOT NULL AND NOT ST_IsEmpty(geom) "
        "GROUP BY btrim(license_no)"))
    _execute(source, "CREATE INDEX ON ms_sv_lic USING gist (g)")
    _execute(source, "CREATE INDEX ON ms_sv_lic (key)")
    _execute(source, "ANALYZE ms_sv_lic")
    # each extent's licence: by the number it carries, else the licence it overlaps most
    _execute(source, (
        "CREATE TEMP TABLE ms_sv_ext ON COMMIT DROP AS "
        f"SELECT e.fid, e.survey_round = {_text(round_id)} AS is_current, "
        f"COALESCE(e.survey_round = {previous}, false) AS is_previous, "
        "e.license_no AS stated, n.no IS NOT NULL AS by_number, COALESCE(n.no, loc.no) AS no, "
        "e.elevation_top_m AS top, e.elevation_bottom_m AS bottom, e.geom AS g "
        f'FROM "{TABLE}" e '
        "LEFT JOIN LATERAL (SELECT l.no FROM ms_sv_lic l WHERE l.key = upper(btrim(e.license_no)) "
        " ORDER BY l.ord DESC LIMIT 1) n ON true "
        "LEFT JOIN LATERAL (SELECT l.no, ST_Area(ST_Intersection(e.geom, l.g)) AS a FROM ms_sv_lic l "
        " WHERE n.no IS NULL AND l.g && e.geom AND ST_Intersects(l.g, e.geom) ORDER BY 2 DESC, l.ord LIMIT 1) loc "
        " ON loc.a > 0 "
        f"WHERE e.survey_round IN ({_text(round_id)}, {previous}) AND e.geom IS NOT NULL AND NOT ST_IsEmpty(e.geom)"))
    _execute(source, "CREATE INDEX ON ms_sv_ext USING gist (g)")
    _execute(source, "CREATE INDEX ON ms_sv_ext (no)")
    _execute(source, "ANALYZE ms_sv_ext")
    # one mine per licence; an extent matching none is a mine of its own
    _execute(source, (
        "CREATE TEMP TABLE ms_sv_mine ON COMMIT DROP AS "
        "SELECT (row_number() OVER (ORDER BY min(fid)) - 1)::integer AS i, no, min(fid) AS first_fid, "
        "count(*)::integer AS n, (array_agg(stated ORDER BY fid))[1] AS stated, max(top) AS top, "
        f"min(bottom) AS bottom, {_merged('g')} AS g "
        "FROM ms_sv_ext WHERE is_current GROUP BY no, CASE WHEN no IS NULL THEN fid END"))
    _execute(source, "CREATE INDEX ON ms_sv_mine (i)")
    # what each mine is held against: its licence, or the union of the licences an unmatched mine meets
    _execute(source, (
        "CREATE TEMP TABLE ms_sv_held ON COMMIT DROP AS "
        "SELECT m.i, l.top AS ltop, l.bottom AS lbottom, COALESCE(l.g, u.g) AS a, "
        f"COALESCE(l.no, array_to_string(u.nos, {_text(_SEP)})) AS nos "
        "FROM ms_sv_mine m LEFT JOIN ms_sv_lic l ON l.no = m.no "
        f"LEFT JOIN LATERAL (SELECT {_merged('x.g')} AS g, array_agg(x.no ORDER BY x.ord) AS nos "
        " FROM ms_sv_lic x WHERE m.no IS NULL AND x.g && m.g AND ST_Intersects(x.g, m.g)) u ON true"))
    _execute(source, (
        "CREATE TEMP TABLE ms_sv_cut ON COMMIT DROP AS "
        "SELECT h.i, h.a, ST_Boundary(h.a) AS b, h.held, "
        "CASE WHEN h.a IS NULL THEN h.g WHEN h.held THEN NULL ELSE ST_Difference(h.g, h.a) END AS outside "
        "FROM (SELECT c.i, c.a, m.g, (c.a IS NOT NULL AND ST_ContainsProperly(c.a, m.g)) AS held "
        " FROM ms_sv_held c JOIN ms_sv_mine m ON m.i = c.i) h"))
    _execute(source, "CREATE INDEX ON ms_sv_cut (i)")
    _execute(source, (
        "CREATE TEMP TABLE ms_sv_piece ON COMMIT DROP AS "
        "SELECT c.i, d.k, d.geom AS g, ST_Area(d.geom) AS area "
        "FROM ms_sv_cut c, LATERAL ST_Dump(c.outside) WITH ORDINALITY AS d(path, geom, k) "
        f"WHERE c.outside IS NOT NULL AND NOT ST_IsEmpty(d.geom) AND ST_Area(d.geom) >= {float(min_area_m2)!r}"))


def mines(source: ogr.DataSource) -> MineRows:
    """The mines of the round (see :class:`MineRows`)."""
    out = MineRows()
    for row in _rows(source, (
            "SELECT m.no, m.first_fid, m.stated, m.n, m.top::float8, m.bottom::float8, ST_Area(m.g), "
            f"{_hex('m.g')}, h.ltop::float8, h.lbottom::float8, h.nos "
            "FROM ms_sv_mine m JOIN ms_sv_held h ON h.i = m.i ORDER BY m.i")):
        out.number.append(row[0])
        out.first_fid.append(int(row[1]))
        out.stated.append(row[2])
        out.extents.append(int(row[3]))
        out.top.append(row[4])
        out.bottom.append(row[5])
        out.area.append(float(row[6]))
        out.wkb.append(row[7])
        out.licensed_top.append(row[8])
        out.licensed_bottom.append(row[9])
        out.against.append(row[10].split(_SEP) if row[10] else [])
    return out


def unknown_numbers(source: ogr.DataSource) -> list[str]:
    """The numbers the round's extents carry that no licence has, in the order of the extents."""
    seen: list[str] = []
    for (number,) in _rows(source, "SELECT stated FROM ms_sv_ext WHERE is_current AND NOT by_number "
                                   "AND btrim(stated) <> '' ORDER BY fid"):
        if number not in seen:
            seen.append(number)
    return seen


def outside_pieces(source: ogr.DataSource) -> PieceRows:
    """The pieces outside, each with the distance of every vertex (in order, as ``ST_DumpPoints`` and shapely's
    ``get_coordinates`` give them) to its licence's boundary: the caller takes the farthest."""
    out = PieceRows()
    _execute(source, (
        "CREATE TEMP TABLE ms_sv_far ON COMMIT DROP AS "
        "SELECT p.i, p.k, (SELECT array_agg(ST_Distance(v.geom, c.b) ORDER BY v.n) "
        " FROM ST_DumpPoints(p.g) WITH ORDINALITY AS v(path, geom, n)) AS d "
        "FROM ms_sv_piece p JOIN ms_sv_cut c ON c.i = p.i WHERE c.b IS NOT NULL"))
    for row in _rows(source, (
            f"SELECT p.i, p.area, {_hex('p.g')}, f.d FROM ms_sv_piece p "
            "LEFT JOIN ms_sv_far f ON f.i = p.i AND f.k = p.k ORDER BY p.i, p.k")):
        out.mine.append(int(row[0]))
        out.area.append(float(row[1]))
        out.wkb.append(row[2])
        out.distances.append(row[3])
    return out


def approaching(source: ogr.DataSource, candidates: Sequence[int], approach_m: float) -> ApproachRows:
    """Of the mines ``candidates`` (rows of :class:`MineRows`), those within ``approach_m`` of their licence's
    boundary: the distance and the part in the band (the licence shrunk by the distance cut from works it holds
    wholly, else the band along the boundary)."""
    out = ApproachRows()
    if not len(candidates):
        return out
    wanted = "{" + ",".join(str(int(i)) for i in candidates) + "}"
    distance = repr(float(approach_m))
    _execute(source, "DROP TABLE IF EXISTS ms_sv_near")
    _execute(source, (
        "CREATE TEMP TABLE ms_sv_near ON COMMIT DROP AS "
        "SELECT c.i, ST_Distance(m.g, c.b) AS d, "
        f"CASE WHEN c.held THEN ST_Difference(m.g, ST_Buffer(c.a, -{distance}, 'quad_segs=4')) "
        f"ELSE ST_Intersection(m.g, ST_Buffer(c.b, {distance}, 'quad_segs=4')) END AS part "
        "FROM ms_sv_cut c JOIN ms_sv_mine m ON m.i = c.i "
        f"WHERE c.i = ANY('{wanted}'::integer[]) AND ST_DWithin(c.b, m.g, {distance})"))
    for row in _rows(source, f"SELECT i, d, ST_Area(part), {_hex('part')} FROM ms_sv_near ORDER BY i"):
        out.mine.append(int(row[0]))
        out.distance.append(float(row[1]))
        out.area.append(float(row[2]))
        out.wkb.append(row[3])
    return out


def growth(source: ogr.DataSource, approach_m: float, min_area_m2: float) -> GrowthRows | None:
    """Each mine's extent less the previous round's extent of the same mine (an unmatched mine: the previous
    extents it meets), in pieces of at least ``min_area_m2``; None when the previous round has no extent."""
    if not _rows(source, "SELECT 1 FROM ms_sv_ext WHERE is_previous LIMIT 1"):
        return None
    _execute(source, (
        "CREATE TEMP TABLE ms_sv_before ON COMMIT DROP AS "
        "SELECT m.i, (m.no IS NULL OR pv.n > 0) AS compared, CASE WHEN m.no IS NULL THEN pu.g ELSE pv.g END AS g "
        "FROM ms_sv_mine m "
        f"LEFT JOIN LATERAL (SELECT count(*) AS n, {_merged('e.g')} AS g FROM ms_sv_ext e "
        " WHERE m.no IS NOT NULL AND e.is_previous AND e.no = m.no) pv ON true "
        f"LEFT JOIN LATERAL (SELECT {_merged('e.g')} AS g FROM ms_sv_ext e "
        " WHERE m.no IS NULL AND e.is_previous AND e.g && m.g AND ST_Intersects(e.g, m.g)) pu ON true"))
    # the previous extent in the interior of the new one (a pit grown all round: one polygon each, the previous
    # without holes): the growth is the new extent with the previous one as a hole, built without an overlay
    _execute(source, (
        "CREATE TEMP TABLE ms_sv_new ON COMMIT DROP AS "
        "SELECT b.i, m.no IS NOT NULL AS matched, "
        "CASE WHEN b.g IS NULL THEN 0 WHEN ST_Contains(b.g, m.g) THEN 1 "
        " WHEN ST_NumGeometries(m.g) = 1 AND ST_NumGeometries(b.g) = 1 "
        "  AND ST_NumInteriorRings(ST_GeometryN(b.g, 1)) = 0 AND ST_ContainsProperly(m.g, b.g) THEN 2 "
        " ELSE 3 END AS how "
        "FROM ms_sv_before b JOIN ms_sv_mine m ON m.i = b.i WHERE b.compared"))
    _execute(source, (
        "CREATE TEMP TABLE ms_sv_growth ON COMMIT DROP AS SELECT * FROM ("
        "SELECT x.i, x.how = 2 AS ring, x.matched, d.k, d.geom AS g, ST_Area(d.geom) AS area, "
        "count(*) OVER (PARTITION BY x.i) AS parts FROM ("
        " SELECT n.i, n.how, n.matched, CASE n.how WHEN 0 THEN n.g WHEN 1 THEN NULL "
        "  WHEN 2 THEN ST_MakePolygon(ST_ExteriorRing(ST_GeometryN(n.g, 1)), ARRAY("
        "   SELECT ST_InteriorRingN(ST_GeometryN(n.g, 1), r) "
        "   FROM generate_series(1, ST_NumInteriorRings(ST_GeometryN(n.g, 1))) r ORDER BY r) "
        "   || ST_ExteriorRing(ST_GeometryN(n.before, 1))) "
        "  ELSE ST_Difference(n.g, n.before) END AS new "
        " FROM (SELECT w.i, w.how, w.matched, m.g, b.g AS before FROM ms_sv_new w "
        "  JOIN ms_sv_mine m ON m.i = w.i JOIN ms_sv_before b ON b.i = w.i) n) x, "
        "LATERAL ST_Dump(x.new) WITH ORDINALITY AS d(path, geom, k)) y "
        f"WHERE y.area >= {float(min_area_m2)!r}"))
    out = GrowthRows()
    out.compared = [int(row[0]) for row in _rows(source, "SELECT i FROM ms_sv_before WHERE compared ORDER BY i")]
    band = repr(max(float(approach_m), 0.0))
    _execute(source, (
        "CREATE TEMP TABLE ms_sv_grown ON COMMIT DROP AS "
        # the band is asked only where no part is beyond and the piece is no ring round the previous extent in a
        # licence holding the extent wholly (it comes as near the boundary as the extent: the caller knows from
        # the approaching test); CASE, as SQL's AND promises no order
        "SELECT q.i, q.k, q.outside, CASE WHEN q.outside > 0 OR q.b IS NULL OR q.ringed THEN false "
        f"ELSE ST_DWithin(q.b, q.g, {band}) END AS near, q.ringed AND q.outside <= 0 AS ringed FROM ("
        " SELECT g.i, g.k, g.g, c.b, g.ring AND c.held AND g.matched AS ringed, "
        # beyond the boundary: of a mine grown in one piece, the outside part that was not there before (its
        # outside less the previous extent: far fewer vertices than the piece against the licence), as the
        # arrays path measures it; of the others, each piece less the licence
        " CASE WHEN c.a IS NULL THEN g.area WHEN c.held THEN 0 "
        "  WHEN g.parts = 1 THEN ST_Area(CASE WHEN b.g IS NULL OR NOT (b.g && c.outside) "
        "   THEN c.outside ELSE ST_Difference(c.outside, b.g) END) "
        "  ELSE ST_Area(ST_Difference(g.g, c.a)) END AS outside "
        " FROM ms_sv_growth g JOIN ms_sv_cut c ON c.i = g.i JOIN ms_sv_before b ON b.i = g.i) q"))
    for row in _rows(source, (
            f"SELECT g.i, g.area, r.outside, r.near, {_hex('g.g')}, r.ringed FROM ms_sv_growth g "
            "JOIN ms_sv_grown r ON r.i = g.i AND r.k = g.k ORDER BY g.i, g.k")):
        out.mine.append(int(row[0]))
        out.area.append(float(row[1]))
        out.outside.append(float(row[2]))
        out.near.append(_true(row[3]))
        out.wkb.append(row[4])
        out.ringed.append(_true(row[5]))
    return out


def _true(value) -> bool:
    """A boolean column as OGR gives it (an integer, or text)."""
    return value not in (None, 0, "0", "f", "false")


def licence_rows(source: ogr.DataSource, numbers: Sequence[str]) -> list[tuple]:
    """The stored rows of these licences (number, hex WKB, top, bottom), in fid order: the caller merges them
    as the arrays path does, so that corners are numbered alike."""
    numbers = sorted({n for n in numbers if n})
    out: list[tuple] = []
    for start in range(0, len(numbers), 1000):
        listed = ",".join(_text(n) for n in numbers[start:start + 1000])
        out += [tuple(row) for row in _rows(source, (
            f"SELECT license_no, {_hex('geom')}, depth_top_m::float8, depth_bottom_m::float8 FROM mining_rights "
            f"WHERE btrim(license_no) IN ({listed}) AND geom IS NOT NULL ORDER BY fid"))]
    return out
