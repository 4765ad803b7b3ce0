"""A stored survey round compared on a PostGIS store: the overlays in the server, the rules here.

:func:`..analysis.survey_findings.compare_stored_round` comes here when the
store is PostgreSQL. The server measures (``store.server_survey``: each mine's
extents merged, its licence cut from them, the pieces and their farthest vertex,
the band along the boundary, the growth); this module names the corners nearest
each piece's farthest vertex with the same numpy functions as the arrays path,
on the licences of the mines with pieces outside only, and the same
:func:`.survey.comparison_from` words the findings: both stores give the same
answers.
"""

from __future__ import annotations

import numpy as np
import shapely

from ..i18n import tr
from ..store import server_survey
from ..store.database import SupervisionStore, store_error
from .survey import (
    SurveyComparison,
    SurveyMeasures,
    approach_candidates,
    comparison_from,
    farthest_vertices,
    grew_toward,
    licence_table,
    nearest_corners,
    outside_per_mine,
    unknown_numbers_warning,
)


def extent_label(fid: int) -> str:
    """How an extent of the database is named to the user (an extent matching no licence)."""
    return tr("survey_extents feature {fid}").format(fid=fid)


def _floats(values) -> np.ndarray:
    return np.array([np.nan if v is None else float(v) for v in values], dtype=float)


def _geometries(hexes) -> np.ndarray:
    """Shapely geometries of hex WKB (decoded here first: GEOS reads hex eight times slower than bytes)."""
    out = np.full(len(hexes), None, dtype=object)
    if len(hexes):
        out[:] = shapely.from_wkb(np.array([bytes.fromhex(h) if h else None for h in hexes], dtype=object))
    return out


def compare_on_server(store: SupervisionStore, round_id: str, previous_round: str | None, *,
                      approach_m: float, min_area_m2: float) -> SurveyComparison:
    """Round ``round_id`` of the PostGIS ``store`` compared with its licences and ``previous_round`` (if any)."""
    # temporary work tables live for one transaction; nothing is written to the database's tables
    with store.transaction() as source:
        try:
            server_survey.prepare(source, round_id, previous_round, min_area_m2)
            mines = server_survey.mines(source)
            unknown = server_survey.unknown_numbers(source)
            pieces = server_survey.outside_pieces(source)
            m = len(mines.number)
            matched = np.array([n is not None for n in mines.number], dtype=bool)
            piece_mine = np.array(pieces.mine, dtype=np.int64)
            piece_area = np.array(pieces.area, dtype=float)
            candidates = approach_candidates(matched, outside_per_mine(piece_mine, piece_area, m))
            near = (server_survey.approaching(source, candidates, approach_m) if approach_m > 0
                    else server_survey.ApproachRows())
            grown = server_survey.growth(source, approach_m, min_area_m2) if previous_round else None
            # the licences of the mines with pieces beyond a boundary: their corners are named here
            owners = sorted({int(i) for i, d in zip(pieces.mine, pieces.distances) if d is not None})
            rows = server_survey.licence_rows(source, [n for i in owners for n in mines.against[i]])
        except RuntimeError as error:  # a statement the server refused: worded as a failed reading
            raise store_error(store.location, error, reading=True) from error.with_traceback(None)
    licences = licence_table([r[0] for r in rows], _geometries([r[1] for r in rows]), [r[2] for r in rows],
                             [r[3] for r in rows])
    measures = SurveyMeasures()
    if unknown:
        measures.warnings.append(unknown_numbers_warning(unknown))
    measures.label = [n if n is not None else (s.strip() if s else "") for n, s in zip(mines.number, mines.stated)]
    measures.matched = matched
    measures.unmatched = [extent_label(fid) for n, fid in zip(mines.number, mines.first_fid) if n is None]
    measures.survey_round = [round_id] * m
    measures.extents = np.array(mines.extents, dtype=np.int64)
    measures.geometry = _geometries(mines.wkb)
    measures.surveyed_m2 = np.array(mines.area, dtype=float)
    measures.elevation_top_m, measures.elevation_bottom_m = _floats(mines.top), _floats(mines.bottom)
    measures.licensed_top_m, measures.licensed_bottom_m = _floats(mines.licensed_top), _floats(mines.licensed_bottom)

    n_pieces = len(piece_mine)
    measures.piece_mine, measures.piece_area = piece_mine, piece_area
    measures.piece_geometry = _geometries(pieces.wkb)
    measures.piece_distance = np.full(n_pieces, np.nan)
    measures.piece_corners, measures.piece_corners_zh = [None] * n_pieces, [None] * n_pieces
    measures.piece_excluded = np.zeros(n_pieces, dtype=bool)
    held = np.array([k for k in range(n_pieces) if pieces.distances[k] is not None], dtype=np.int64)
    if len(held):
        # the farthest vertex of each piece, chosen as the arrays path chooses it; ST_DumpPoints and
        # get_coordinates give the same vertices of the same WKB in the same order (closing vertices included)
        coords, vertex_piece = shapely.get_coordinates(measures.piece_geometry[held], return_index=True)
        distances = np.concatenate([np.asarray(pieces.distances[k], dtype=float) for k in held])
        greatest, first = farthest_vertices(distances, vertex_piece)
        measures.piece_distance[held] = greatest
        index = {number: j for j, number in enumerate(licences.license_no)}
        owner_of_mine = {}
        owner_geometries = []
        for i in owners:
            found = [index[n] for n in mines.against[i] if n in index]
            if found:  # as the arrays path: its own licence, or the union of those an unmatched mine meets
                owner_of_mine[i] = len(owner_geometries)
                owner_geometries.append(licences.geometries[found[0]] if len(found) == 1
                                        else shapely.union_all(licences.geometries[found]))
        named = np.array([int(piece_mine[k]) in owner_of_mine for k in held], dtype=bool)
        if named.any():
            geometries = np.full(len(owner_geometries), None, dtype=object)
            geometries[:] = owner_geometries
            corners, excluded, chinese = nearest_corners(
                coords[first[named]], np.array([owner_of_mine[int(piece_mine[k])] for k in held[named]],
                                               dtype=np.int64), geometries)
            for j, k in enumerate(held[named]):
                measures.piece_corners[k], measures.piece_excluded[k] = corners[j], excluded[j]
                measures.piece_corners_zh[k] = chinese[j]

    measures.approach_mine = np.array(near.mine, dtype=np.int64)
    measures.approach_distance = np.array(near.distance, dtype=float)
    measures.approach_area = np.array(near.area, dtype=float)
    measures.approach_geometry = _geometries(near.wkb)

    if grown is not None:
        measures.compared = np.zeros(m, dtype=bool)
        measures.compared[np.array(grown.compared, dtype=np.int64)] = True
        measures.growth_mine = np.array(grown.mine, dtype=np.int64)
        measures.growth_area = np.array(grown.area, dtype=float)
        measures.growth_outside = np.array(grown.outside, dtype=float)
        # a ring round the previous extent comes as near the boundary as the extent does: approaching said it
        near_mine = np.zeros(m, dtype=bool)
        near_mine[measures.approach_mine] = True
        ringed = np.array(grown.ringed, dtype=bool)
        near = np.array(grown.near, dtype=bool) | (ringed & near_mine[measures.growth_mine])
        measures.growth_toward = grew_toward(measures.growth_outside, near)
        measures.growth_geometry = _geometries(grown.wkb)
    return comparison_from(measures)
