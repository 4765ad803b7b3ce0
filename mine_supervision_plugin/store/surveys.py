"""Special survey rounds (专项勘测, seed 002 §二(二)3) in the supervision database.

A round (``2026-1``: the first of 2026; two a year, by the end of November)
is a batch of measured extents, one or more per mine, by one method (实测 /
无人机 / 井下测量), on a date, by a surveyor. :func:`import_survey` reads the
contractor's files (:mod:`..formats.survey_extents`), matches each extent to
a licence and writes the round into ``survey_extents`` in one transaction.

Matching (:func:`match_extents`): by the licence number the extent carries
when the database knows it (``matched_by = licence_no``), else by location:
the licence the extent overlaps most (``location``); an extent overlapping no
licence is kept without one (``none``) and listed: the comparison still holds
it against every licence (mining without a licence).
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import shapely
from osgeo import ogr

from ..domain.vocab import to_code
from ..formats.survey_extents import SurveyReadError, read_survey_file, short_list, survey_files
from ..i18n import tr
from .database import StoreError, SupervisionStore, current_user, reading
from .ogr_util import open_read, set_field, to_ogr_geometry, to_shapely

TABLE = "survey_extents"
MATCHED_BY_NUMBER, MATCHED_BY_LOCATION, MATCHED_BY_NONE = "licence_no", "location", "none"
ROUND_PATTERN = re.compile(r"^\d{4}-\d{1,2}$")


class SurveyImportError(StoreError):
    """A survey round that cannot be recorded, worded for the user; nothing was written."""


@dataclass
class SurveyImport:
    """What :func:`import_survey` recorded."""

    round_id: str
    files_read: int = 0
    #: one record per extent written: fid, license_no, matched_by, area_m2, source_file, source_feature, geometry
    extents: list[dict] = field(default_factory=list)
    #: the extents matching no licence (their source)
    unmatched: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def mines(self) -> list[str]:
        return sorted({r["license_no"] for r in self.extents if r["license_no"]})


# --- matching ------------------------------------------------------------------------------------


def match_extents(geometries: Sequence, stated: Sequence, licence_numbers: Sequence[str],
                  licence_geometries: Sequence) -> tuple[list[str | None], list[str], list[str]]:
    """Each extent's licence number and how it was found (see the module); also the stated numbers not known.

    ``stated``: the number each extent carries (None when none); licences by
    number and geometry (same CRS as the extents). Returns ``(numbers, matched_by, unknown_stated)``.
    """
    known = {str(n).strip().upper(): str(n) for n in licence_numbers if n}
    n = len(geometries)
    numbers: list[str | None] = [None] * n
    how = [MATCHED_BY_NONE] * n
    unknown: list[str] = []
    by_location = []
    for i, number in enumerate(stated):
        key = str(number).strip().upper() if number else ""
        if key and key in known:
            numbers[i], how[i] = known[key], MATCHED_BY_NUMBER
        else:
            if key and number not in unknown:
                unknown.append(str(number))
            by_location.append(i)
    if not by_location:  # every extent by its number: no geometry to look at
        return numbers, how, unknown
    everything = np.array(list(licence_geometries) + [None], dtype=object)[:-1]
    usable = np.flatnonzero(~(shapely.is_missing(everything) | shapely.is_empty(everything)))
    if len(usable):
        licences = everything[usable]
        tree = shapely.STRtree(licences)
        extents = np.array([geometries[i] for i in by_location], dtype=object)
        left, right = tree.query(extents, predicate="intersects")
        if len(left):
            areas = shapely.area(shapely.intersection(extents[left], licences[right]))
            order = np.lexsort((-areas, left))
            left, right, areas = left[order], right[order], areas[order]
            first = np.unique(left, return_index=True)[1]
            for k in first:
                if areas[k] > 0:
                    i = by_location[left[k]]
                    numbers[i], how[i] = str(licence_numbers[usable[right[k]]]), MATCHED_BY_LOCATION
    return numbers, how, unknown


def read_licences(store: SupervisionStore) -> tuple[list[str], list]:
    """The database's licence numbers and boundaries (shapely, database CRS; None without one)."""
    with reading(store.location):
        source = open_read(store)
        try:
            layer = source.GetLayerByName("mining_rights")
            pairs = [(f.GetField("license_no"), to_shapely(f.GetGeometryRef())) for f in layer]
        finally:
            layer = source = None
    pairs = [(n, g) for n, g in pairs if n]
    return [n for n, _ in pairs], [g for _, g in pairs]


def survey_rounds(store: SupervisionStore) -> dict[str, int]:
    """The rounds recorded and their number of extents."""
    with reading(store.location):
        source = open_read(store)
        try:
            result = source.ExecuteSQL(f'SELECT survey_round, COUNT(*) FROM "{TABLE}" GROUP BY survey_round')
            rounds = {feature.GetField(0): feature.GetField(1) for feature in result}
            source.ReleaseResultSet(result)
        finally:
            source = None
    return rounds


def _recorded_files(store: SupervisionStore, round_id: str) -> set[str]:
    with reading(store.location):
        source = open_read(store)
        try:
            layer = source.GetLayerByName(TABLE)
            layer.SetAttributeFilter("survey_round = '{}'".format(round_id.replace("'", "''")))
            files = {feature.GetField("source_file") for feature in layer}
        finally:
            layer = source = None
    return {f for f in files if f}


# --- the use case ----------------------------------------------------------------------------------


def import_survey(
    store: SupervisionStore,
    path: str | os.PathLike,
    *,
    round_id: str,
    method: str | None = None,
    surveyed_at: dt.date | None = None,
    surveyor: str | None = None,
    layers: list[str] | None = None,
    crs_epsg: int | None = None,
) -> SurveyImport:
    """Record the survey round ``round_id`` from a file or a folder of files, in one transaction.

    ``method`` (code or label), ``surveyed_at`` and ``surveyor`` apply to every
    extent unless its own fields say otherwise. A file that cannot be read
    refuses the whole round (:class:`SurveyImportError`, nothing written): a
    round is recorded whole. A file already recorded in this round is refused too.
    """
    round_id = (round_id or "").strip()
    if not round_id:
        raise SurveyImportError(tr("Give the survey round (e.g. 2026-1)."))
    report = SurveyImport(round_id)
    if not ROUND_PATTERN.match(round_id):
        report.warnings.append(tr("The round {round} is not written year-number (e.g. 2026-1).").format(round=round_id))
    default_method = None
    if method:
        default_method = to_code("survey_method", method)
        if default_method is None:
            raise SurveyImportError(tr("{method} is not a survey method (实测, 无人机, 井下测量).").format(method=method))
    files = survey_files(path)
    if not files:
        raise SurveyImportError(tr("{path} holds no survey file (GeoPackage, shapefile, GeoJSON, DXF).").format(path=path))
    already = _recorded_files(store, round_id)
    repeated = [f.name for f in files if f.name in already]
    if repeated:
        raise SurveyImportError(tr("{files} already recorded in round {round}; nothing was written.").format(
            files=", ".join(repeated), round=round_id))
    features = []
    errors = []
    for file in files:
        try:
            read = read_survey_file(file, target_epsg=store.crs_epsg, crs_epsg=crs_epsg, layers=layers)
        except SurveyReadError as error:
            errors.append(str(error))
            continue
        report.files_read += 1
        report.warnings.extend(read.warnings)
        features.extend((file.name, feature) for feature in read.features)
    if errors:
        raise SurveyImportError("\n".join([tr("The survey round {round} was not recorded:").format(round=round_id),
                                           *errors]))
    numbers, geometries = read_licences(store)
    matched, how, unknown = match_extents([f.geometry for _, f in features], [f.license_no for _, f in features],
                                          numbers, geometries)
    if unknown:
        report.warnings.append(tr("Licence numbers not in the database, matched by location instead: {numbers}")
                               .format(numbers=short_list(unknown)))
    records = []
    for (file_name, feature), number, matched_by in zip(features, matched, how):
        attributes = feature.attributes
        feature_method = to_code("survey_method", attributes.get("method")) if attributes.get("method") else None
        if attributes.get("survey_round") and str(attributes["survey_round"]).strip() != round_id:
            report.warnings.append(tr("{where}: its field says round {own}; recorded in round {round}.").format(
                where=feature.source, own=attributes["survey_round"], round=round_id))
        records.append({
            "survey_round": round_id,
            "license_no": number,
            "method": feature_method or default_method,
            "surveyed_at": attributes.get("surveyed_at") or surveyed_at,
            "surveyor": attributes.get("surveyor") or surveyor,
            "elevation_top_m": feature.elevation_top_m,
            "elevation_bottom_m": feature.elevation_bottom_m,
            "matched_by": matched_by,
            "source_file": file_name,
            "source_feature": feature.feature,
            "area_m2": round(float(feature.geometry.area), 2),
            "geometry": feature.geometry,
        })
        if number is None:
            report.unmatched.append(feature.source)
    if report.unmatched:
        report.warnings.append(tr(
            "Extents matching no licence (recorded without one; the comparison holds them against every licence): "
            "{extents}").format(extents=short_list(report.unmatched)))
    with store.transaction() as source:
        layer = source.GetLayerByName(TABLE)
        for record in records:
            feature = ogr.Feature(layer.GetLayerDefn())
            for name in ("survey_round", "license_no", "method", "surveyed_at", "surveyor", "elevation_top_m",
                         "elevation_bottom_m", "matched_by", "source_file", "source_feature"):
                set_field(feature, name, record[name])
            feature.SetGeometry(to_ogr_geometry(shapely.MultiPolygon(record["geometry"])
                                                if record["geometry"].geom_type == "Polygon" else record["geometry"]))
            layer.CreateFeature(feature)
            record["fid"] = feature.GetFID()
        store.log(source, "import_survey", TABLE, round_id, {
            "files": [f.name for f in files], "extents": len(records), "unmatched": len(report.unmatched),
            "user": current_user(),
        })
    report.extents = records
    return report
