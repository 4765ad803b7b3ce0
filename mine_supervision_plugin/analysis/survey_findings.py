"""The findings of a survey comparison that call for the ledger and a notice, and a stored round compared.

:func:`findings_from` turns a :class:`.survey.SurveyComparison` into
:class:`..domain.survey_findings.SurveyFinding` objects: one per mine with works
outside its licence (out of bounds), one per mine working above its licensed
top or below its licensed bottom (out of depth). Extents that match no licence
have no holder to serve: they are no finding here (mining without a licence is
a case for enforcement) and are returned apart.

:func:`compare_stored_round` compares a round recorded in the supervision
database with the licences there and, when given, with another recorded round.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import shapely

from ..domain.survey_findings import KINDS, OUT_OF_BOUNDS, OUT_OF_DEPTH, SurveyFinding
from ..i18n import tr
from ..store.database import SupervisionStore, reading
from ..store.ogr_util import open_read, to_shapely
from ..store.surveys import TABLE, survey_rounds
from .survey import APPROACH_M, MIN_AREA_M2, Extents, SurveyComparison, compare_survey, licence_table
from .survey_server import compare_on_server, extent_label


class SurveyRoundError(ValueError):
    """A round that cannot be compared, worded for the user."""


def findings_from(comparison: SurveyComparison, round_id: str,
                  kinds: Sequence[str] = KINDS) -> tuple[list[SurveyFinding], list[str]]:
    """The findings of ``comparison`` (of round ``round_id``) of the ``kinds`` asked, by licence number and kind;
    and the extents matching no licence (their labels)."""
    outside = comparison.outside
    pieces: dict[str, list[int]] = {}
    for k, number in enumerate(outside.get("license_no", [])):
        if number:
            pieces.setdefault(number, []).append(k)
    summary = comparison.summary
    found: list[SurveyFinding] = []
    unmatched: list[str] = []
    for i, number in enumerate(summary.get("license_no", [])):
        if not summary["matched"][i]:
            unmatched.append(number or tr("an extent without licence number"))
            continue
        if OUT_OF_BOUNDS in kinds and (summary["outside_area_m2"][i] or 0) > 0 and pieces.get(number):
            rows = pieces[number]
            distances = [outside["max_distance_m"][k] if outside["max_distance_m"][k] is not None else -1.0
                         for k in rows]
            farthest = rows[int(np.argmax(distances))]
            found.append(SurveyFinding(
                round_id, number, OUT_OF_BOUNDS, outside_m2=float(summary["outside_area_m2"][i]), pieces=len(rows),
                max_distance_m=summary["max_distance_m"][i],
                near_corners=(outside.get("near_corners_zh") or [None] * len(outside["license_no"]))[farthest] or "",
                geometry=shapely.union_all([outside["geometry"][k] for k in rows])))
        if OUT_OF_DEPTH in kinds and (summary["above_top_m"][i] is not None or summary["below_bottom_m"][i] is not None):
            found.append(SurveyFinding(
                round_id, number, OUT_OF_DEPTH, above_top_m=summary["above_top_m"][i],
                below_bottom_m=summary["below_bottom_m"][i], elevation_top_m=summary["elevation_top_m"][i],
                elevation_bottom_m=summary["elevation_bottom_m"][i], licensed_top_m=summary["licensed_top_m"][i],
                licensed_bottom_m=summary["licensed_bottom_m"][i], geometry=summary["geometry"][i]))
    order = {kind: k for k, kind in enumerate(KINDS)}
    found.sort(key=lambda f: (f.license_no, order[f.kind]))
    return found, unmatched


def _stored_extents(source, round_id: str) -> Extents:
    layer = source.GetLayerByName(TABLE)
    layer.SetAttributeFilter("survey_round = '{}'".format(round_id.replace("'", "''")))
    rows = [(f.GetField("license_no"), to_shapely(f.GetGeometryRef()), f.GetField("elevation_top_m"),
             f.GetField("elevation_bottom_m"), f.GetFID()) for f in layer]
    layer = None
    rows = [r for r in rows if r[1] is not None and not r[1].is_empty]
    return Extents(np.array([r[1] for r in rows] + [None], dtype=object)[:-1], [r[0] for r in rows],
                   np.array([np.nan if r[2] is None else r[2] for r in rows], dtype=float),
                   np.array([np.nan if r[3] is None else r[3] for r in rows], dtype=float),
                   [extent_label(r[4]) for r in rows], [round_id] * len(rows))


def compare_stored_round(store: SupervisionStore, round_id: str, previous_round: str | None = None, *,
                         approach_m: float | None = None, min_area_m2: float | None = None) -> SurveyComparison:
    """Round ``round_id`` of the database compared with its licences and, when given, with ``previous_round``.

    On a PostGIS store the overlays run in the server (:mod:`.survey_server`): only the numbers and the pieces
    found travel, with the same answers as the arrays path of a GeoPackage.
    """
    rounds = survey_rounds(store)
    for wanted in (round_id, previous_round):
        if wanted and wanted not in rounds:
            raise SurveyRoundError(tr("The database has no survey round {round} (its rounds: {rounds}).").format(
                round=wanted, rounds=", ".join(sorted(r for r in rounds if r)) or tr("none")))
    if store.is_postgres:
        return compare_on_server(store, round_id, previous_round,
                                 approach_m=APPROACH_M if approach_m is None else approach_m,
                                 min_area_m2=MIN_AREA_M2 if min_area_m2 is None else min_area_m2)
    with reading(store.location):
        source = open_read(store)
        try:
            rights = source.GetLayerByName("mining_rights")
            rows = [(f.GetField("license_no"), to_shapely(f.GetGeometryRef()), f.GetField("depth_top_m"),
                     f.GetField("depth_bottom_m")) for f in rights]
            rights = None
            current = _stored_extents(source, round_id)
            before = _stored_extents(source, previous_round) if previous_round else None
        finally:
            source = None
    rows = [r for r in rows if r[0] and r[1] is not None]
    licences = licence_table([r[0] for r in rows], [r[1] for r in rows], [r[2] for r in rows], [r[3] for r in rows])
    options = {}
    if approach_m is not None:
        options["approach_m"] = approach_m
    if min_area_m2 is not None:
        options["min_area_m2"] = min_area_m2
    return compare_survey(current, licences, before, **options)


# --- the rounds due ------------------------------------------------------------------------------------

#: Special surveys of the producing mines of key monitoring zones: twice a year (seed 002 §二(二)3).
ROUNDS_PER_YEAR = 2


@dataclass
class RoundsDue:
    """The rounds due in ``year``, the key-zone producing mines that must be in each, and who is missing."""

    year: int
    mines: list[str] = field(default_factory=list)
    #: round id -> licence numbers of the mines it lacks (all of them when the round is not recorded)
    missing: dict[str, list[str]] = field(default_factory=dict)
    recorded: dict[str, bool] = field(default_factory=dict)


def rounds_due(store: SupervisionStore, year: int) -> RoundsDue:
    """The producing mines in a key monitoring zone in force in ``year``, and the rounds of ``year`` that lack any."""
    from ..domain.zones import zones_in_force_mask

    with reading(store.location):
        source = open_read(store)
        try:
            zones = [(f.GetField("year"), to_shapely(f.GetGeometryRef())) for f in source.GetLayerByName("monitoring_zones")]
            rights = [(f.GetField("license_no"), f.GetField("status"), to_shapely(f.GetGeometryRef()))
                      for f in source.GetLayerByName("mining_rights")]
            layer = source.GetLayerByName(TABLE)
            surveyed: dict[str, set[str]] = {}
            for feature in layer:
                surveyed.setdefault(feature.GetField("survey_round"), set()).add(feature.GetField("license_no"))
            layer = None
        finally:
            source = None
    in_force = [g for (zone_year, g), keep in zip(zones, zones_in_force_mask([z[0] for z in zones], year))
                if keep and g is not None]
    due = RoundsDue(int(year))
    if in_force:
        area = shapely.union_all(in_force)
        shapely.prepare(area)
        due.mines = sorted(n for n, status, g in rights
                           if n and status == "producing" and g is not None and area.intersects(g))
    for k in range(1, ROUNDS_PER_YEAR + 1):
        round_id = f"{int(year)}-{k}"
        due.recorded[round_id] = round_id in surveyed
        done = surveyed.get(round_id, set())
        due.missing[round_id] = [n for n in due.mines if n not in done]
    return due


def licence_boundaries(store: SupervisionStore, license_nos: Sequence[str]) -> dict[str, object]:
    """The licensed boundary of each of these licences (shapely, database CRS)."""
    from ..store.ogr_util import quote

    out: dict[str, object] = {}
    with reading(store.location):
        source = open_read(store)
        try:
            layer = source.GetLayerByName("mining_rights")
            numbers = sorted(set(n for n in license_nos if n))
            for k in range(0, len(numbers), 500):
                layer.SetAttributeFilter("license_no IN ({})".format(",".join(quote(n) for n in numbers[k:k + 500])))
                for feature in layer:
                    geometry = to_shapely(feature.GetGeometryRef())
                    if geometry is not None:
                        out[feature.GetField("license_no")] = geometry
        finally:
            layer = source = None
    return out
