"""Special-survey extents (专项勘测范围) as survey contractors deliver them: GeoPackage, shapefile, GeoJSON, DXF.

:func:`read_survey_file` reads one file with OGR and gives each measured
extent as a valid 2-D MultiPolygon in the database CRS, with the licence
number, elevations and round attributes its fields carry:

* polygons are taken as they are; closed polylines (a DXF ``LWPOLYLINE`` with
  its closed flag, or any line whose last vertex is its first) become
  polygons; an open polyline is not an extent and is named (in a DXF by its
  layer and entity handle);
* underground works: the elevations of the workings come from the fields
  (top/bottom of workings), else from the Z values of the extent's own
  vertices, and 3-D points or open 3-D lines lying on an extent widen its range;
* invalid geometries are repaired with the one rule of
  :mod:`..domain.polygon_repair` and named;
* a DXF (or a shapefile without .prj) has no CRS: the CRS given is assigned;
  one given for a file that has its own overrides it, with a warning. Data in
  another CRS are reprojected through :mod:`..domain.crs`, except across
  datums: Xi'an 1980 or Beijing 1954 data for a CGCS2000 database (or the
  reverse) are refused with a message, never silently taken for CGCS2000.

Pure GDAL/OGR and shapely: no QGIS.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import shapely

from ..domain import crs as crs_tables
from ..domain.dates import to_date
from ..domain.polygon_repair import Outcome, repair_polygon
from ..i18n import tr

#: the suffixes read from a folder
SUFFIXES = (".gpkg", ".shp", ".geojson", ".json", ".dxf")
#: lines whose ends are closer than this (m) are closed polylines
CLOSE_TOLERANCE = 0.01
MAX_NAMED = 10

FIELD_NAMES = {
    "license_no": ("license_no", "licence_no", "许可证号", "采矿许可证号", "xkzh", "lic_no"),
    "elevation_top_m": ("elevation_top_m", "top_m", "标高上限", "最高标高", "顶板标高", "top"),
    "elevation_bottom_m": ("elevation_bottom_m", "bottom_m", "标高下限", "最低标高", "底板标高", "bottom"),
    "survey_round": ("survey_round", "round", "勘测轮次", "轮次"),
    "method": ("method", "survey_method", "勘测方式"),
    "surveyed_at": ("surveyed_at", "survey_date", "date", "勘测日期"),
    "surveyor": ("surveyor", "勘测单位", "测量单位", "勘测人员"),
}


class SurveyReadError(ValueError):
    """A survey file that cannot be used at all, worded for the user."""


@dataclass
class SurveyFeature:
    """One measured extent."""

    geometry: shapely.MultiPolygon  #: valid, 2-D, in the target CRS
    source: str  #: where it came from, for messages: ``file.dxf: layer KC, entity 2A1``
    feature: str  #: the feature within its file: ``layer KC, entity 2A1`` / ``survey_extents #3``
    license_no: str | None = None
    elevation_top_m: float | None = None
    elevation_bottom_m: float | None = None
    attributes: dict = field(default_factory=dict)  #: survey_round, method, surveyed_at, surveyor when given


@dataclass
class SurveyFile:
    path: Path
    crs_epsg: int | None
    features: list[SurveyFeature] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def short_list(items) -> str:
    items = [str(i) for i in items]
    if len(items) <= MAX_NAMED:
        return ", ".join(items)
    return tr("{names} and {more} more").format(names=", ".join(items[:MAX_NAMED]), more=len(items) - MAX_NAMED)


def survey_files(path: str | Path) -> list[Path]:
    """The survey file ``path``, or the survey files of the folder ``path`` (sorted)."""
    path = Path(path)
    if path.is_dir():
        return sorted(p for p in path.iterdir() if p.suffix.lower() in SUFFIXES and p.is_file())
    return [path]


def is_dxf(path: str | Path) -> bool:
    return Path(path).suffix.lower() == ".dxf"


def survey_layers(path: str | Path) -> list[str]:
    """The layers to choose from: a DXF's drawing layers (its entities' ``Layer``), else the file's layers."""
    from osgeo import ogr

    source = _open(path)
    if is_dxf(path):
        layer = source.GetLayer(0)
        names = sorted({feature.GetField("Layer") or "0" for feature in layer})
    else:
        names = [source.GetLayer(i).GetName() for i in range(source.GetLayerCount())
                 if source.GetLayer(i).GetGeomType() != ogr.wkbNone]
    source = None
    return names


def _open(path: str | Path):
    from osgeo import gdal, ogr

    gdal.UseExceptions()
    path = Path(path)
    if not path.exists():
        raise SurveyReadError(tr("{file} does not exist.").format(file=path))
    try:
        source = ogr.Open(str(path))
    except RuntimeError as error:
        raise SurveyReadError(tr("{file} cannot be read: {reason}").format(file=path.name, reason=error)) from error
    if source is None:
        raise SurveyReadError(tr("{file} is not a file GDAL can read.").format(file=path.name))
    return source


def _find_fields(defn) -> dict[str, int]:
    folded = {defn.GetFieldDefn(i).GetName().strip().lower(): i for i in range(defn.GetFieldCount())}
    found = {}
    for key, candidates in FIELD_NAMES.items():
        for candidate in candidates:
            if candidate.lower() in folded:
                found[key] = folded[candidate.lower()]
                break
    return found


def _number(value) -> float | None:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return None if np.isnan(number) else number


def _source_epsg(srs) -> int | None:
    if srs is None:
        return None
    srs = srs.Clone()
    for node in ("PROJCS", "GEOGCS", None):
        code = srs.GetAuthorityCode(node)
        if code and (srs.GetAuthorityName(node) or "EPSG").upper() == "EPSG":
            return int(code)
    try:
        srs.AutoIdentifyEPSG()
    except RuntimeError:
        return None
    code = srs.GetAuthorityCode(None)
    return int(code) if code else None


def choose_crs(name: str, file_epsg: int | None, has_srs: bool, given_epsg: int | None, target_epsg: int,
               warnings: list[str]) -> int:
    """The EPSG code the file's coordinates are in; refuse a file without one, or one across datums.

    ``given_epsg`` is assigned to a file without CRS and overrides a file's own (said in ``warnings``).
    """
    if given_epsg:
        if file_epsg and file_epsg != given_epsg:
            warnings.append(tr("{file} says its CRS is EPSG:{own}; EPSG:{given} was given and is used instead.").format(
                file=name, own=file_epsg, given=given_epsg))
        source_epsg = int(given_epsg)
    elif file_epsg:
        source_epsg = file_epsg
    elif has_srs:
        raise SurveyReadError(tr("{file}: its coordinate reference system has no EPSG code; give the CRS it is in.")
                              .format(file=name))
    else:
        raise SurveyReadError(tr(
            "{file} has no coordinate reference system (a DXF, or a shapefile without .prj): give the CRS it is in "
            "(e.g. EPSG:4526, CGCS2000 3-degree zone 38)."
        ).format(file=name))
    if source_epsg != target_epsg:
        try:
            source_datum, target_datum = crs_tables.crs_datum(source_epsg), crs_tables.crs_datum(target_epsg)
        except RuntimeError as error:
            raise SurveyReadError(tr("{file}: {reason}").format(file=name, reason=error)) from error
        local = {crs_tables.OSR_DATUM_NAMES[crs_tables.XIAN80], crs_tables.OSR_DATUM_NAMES[crs_tables.BEIJING54]}
        if source_datum != target_datum and (source_datum in local or target_datum in local):
            raise SurveyReadError(tr(
                "{file} is in EPSG:{source} ({source_datum}) and the database in EPSG:{target} ({target_datum}): "
                "a change of datum needs the conversion parameters of your province's surveying bureau. Convert the "
                "file to {target_datum} first; it is not taken for one or the other silently."
            ).format(file=name, source=source_epsg, source_datum=source_datum, target=target_epsg,
                     target_datum=target_datum))
        warnings.append(tr("{file}: reprojected from EPSG:{source} to EPSG:{target}.").format(
            file=name, source=source_epsg, target=target_epsg))
    return source_epsg


def _check_zone(name: str, epsg: int, bounds) -> None:
    """Refuse Gauss-Krüger coordinates that cannot be in the CRS said (a zone prefix where none belongs...)."""
    info = crs_tables.crs_info(epsg)
    if info is None or bounds is None or bounds[0] is None or np.isnan(bounds[0]):
        return
    _datum, _width, prefixed, zone = info
    found = crs_tables.easting_zone(float(bounds[0]))
    expected = zone if prefixed else 0
    if found != expected:
        raise SurveyReadError(tr(
            "{file}: the eastings ({easting:.0f}) do not fit EPSG:{epsg} ({kind}); give the CRS the coordinates "
            "are in."
        ).format(file=name, easting=float(bounds[0]), epsg=epsg,
                 kind=tr("zone {zone}, easting with zone prefix").format(zone=zone) if prefixed
                 else tr("zone {zone}, easting without zone prefix").format(zone=zone)))


def read_survey_file(path: str | Path, *, target_epsg: int, crs_epsg: int | None = None,
                     layers: list[str] | None = None) -> SurveyFile:
    """The measured extents of one file (see the module); :class:`SurveyReadError` when none can be used.

    ``layers`` chooses layers: a DXF's drawing layers, or the file's layers (default all).
    """
    from osgeo import ogr

    path = Path(path)
    name = path.name
    source = _open(path)
    dxf = is_dxf(path)
    wanted = {layer.strip() for layer in layers or [] if layer and layer.strip()}
    ogr_layers = [source.GetLayer(i) for i in range(source.GetLayerCount())]
    if not dxf:
        ogr_layers = [layer for layer in ogr_layers if layer.GetGeomType() != ogr.wkbNone]
        if wanted:
            unknown = wanted - {layer.GetName() for layer in ogr_layers}
            if unknown:
                raise SurveyReadError(tr("{file} has no layer {layers} (its layers: {present}).").format(
                    file=name, layers=", ".join(sorted(unknown)),
                    present=", ".join(layer.GetName() for layer in ogr_layers)))
            ogr_layers = [layer for layer in ogr_layers if layer.GetName() in wanted]
    if not ogr_layers:
        raise SurveyReadError(tr("{file} has no layer with geometries.").format(file=name))
    srs = ogr_layers[0].GetSpatialRef()
    result = SurveyFile(path, None)
    file_epsg = _source_epsg(srs)
    if dxf and wanted:
        present = set(survey_layers(path))
        unknown = wanted - present
        if unknown:
            raise SurveyReadError(tr("{file} has no DXF layer {layers} (its layers: {present}).").format(
                file=name, layers=", ".join(sorted(unknown)), present=", ".join(sorted(present))))

    polygons: list[tuple] = []  # (geometry with Z, source, feature, attributes, licence, top, bottom)
    elevation_marks = []  # 3-D points / open lines: (geometry, source)
    open_lines: list[str] = []
    skipped: list[str] = []
    for layer in ogr_layers:
        defn = layer.GetLayerDefn()
        fields = _find_fields(defn)
        layer_field = defn.GetFieldIndex("Layer") if dxf else -1
        handle_field = defn.GetFieldIndex("EntityHandle") if dxf else -1
        for feature in layer:
            if dxf:
                drawing_layer = feature.GetField(layer_field) or "0"
                if wanted and drawing_layer not in wanted:
                    continue
                where = tr("layer {layer}, entity {handle}").format(layer=drawing_layer,
                                                                     handle=feature.GetField(handle_field))
            else:
                where = tr("{layer} #{fid}").format(layer=layer.GetName(), fid=feature.GetFID())
            label = f"{name}: {where}"
            reference = feature.GetGeometryRef()
            if reference is None or reference.IsEmpty():
                skipped.append(label)
                continue
            geometry = shapely.from_wkb(bytes(reference.ExportToIsoWkb()))
            attributes = {}
            for key, index in fields.items():
                if feature.IsFieldSetAndNotNull(index):
                    attributes[key] = feature.GetField(index)
            licence = str(attributes.pop("license_no")).strip() if attributes.get("license_no") else None
            top, bottom = _number(attributes.pop("elevation_top_m", None)), _number(
                attributes.pop("elevation_bottom_m", None))
            if attributes.get("surveyed_at") is not None:
                try:
                    attributes["surveyed_at"] = to_date(attributes["surveyed_at"], strict=True)
                except (TypeError, ValueError):
                    result.warnings.append(tr("{where}: unreadable survey date {value}; left empty.").format(
                        where=label, value=attributes["surveyed_at"]))
                    attributes["surveyed_at"] = None
            kind = shapely.get_type_id(geometry)
            if kind in (3, 6):  # polygon, multipolygon
                polygons.append((geometry, label, where, attributes, licence, top, bottom))
            elif kind in (1, 5):  # lines
                lines = list(shapely.get_parts(geometry))
                closed = [line for line in lines if _is_closed(line)]
                if closed and len(closed) == len(lines):
                    rings = [shapely.Polygon(line.coords) for line in closed]
                    polygon = rings[0] if len(rings) == 1 else shapely.MultiPolygon(rings)
                    polygons.append((polygon, label, where, attributes, licence, top, bottom))
                elif shapely.has_z(geometry):
                    elevation_marks.append((geometry, label))
                else:
                    open_lines.append(where if dxf else label)
            elif kind in (0, 4) and shapely.has_z(geometry):
                elevation_marks.append((geometry, label))
            else:
                skipped.append(label)
    source = None
    if not polygons:
        if open_lines:
            raise SurveyReadError(tr(
                "{file} has no closed polyline or polygon: no survey extent. Open polylines (close them in the "
                "drawing): {lines}"
            ).format(file=name, lines=short_list(open_lines)))
        raise SurveyReadError(tr("{file} has no polygon or closed polyline: no survey extent.").format(file=name))
    if open_lines:
        result.warnings.append(tr("{file}: open polylines are not extents and were left out: {lines}").format(
            file=name, lines=short_list(open_lines)))
    if skipped:
        result.warnings.append(tr("{file}: features that are neither polygons nor closed polylines were left out: "
                                  "{features}").format(file=name, features=short_list(skipped)))

    geometries = np.array([p[0] for p in polygons], dtype=object)
    source_epsg = choose_crs(name, file_epsg, srs is not None, crs_epsg, target_epsg, result.warnings)
    _check_zone(name, source_epsg, shapely.total_bounds(geometries))
    result.crs_epsg = source_epsg
    repaired, unusable = [], []
    for geometry, label, where, attributes, licence, top, bottom in polygons:
        z = _z_range(geometry)
        repair = repair_polygon(geometry)
        if repair.geometry is None:
            unusable.append(label)
            continue
        if repair.outcome == Outcome.REPAIRED:
            repaired.append(f"{label} ({repair.reason})")
        planar = crs_tables.reproject_geometry(repair.geometry, source_epsg, target_epsg)
        if source_epsg != target_epsg:
            planar = repair_polygon(planar).geometry or planar
        if z is not None and top is None and bottom is None:
            top, bottom = z[1], z[0]
        for mark, _label in elevation_marks:
            if shapely.intersects(geometry, shapely.force_2d(mark)):
                mark_z = _z_range(mark)
                if mark_z is not None:
                    top = mark_z[1] if top is None else max(top, mark_z[1])
                    bottom = mark_z[0] if bottom is None else min(bottom, mark_z[0])
        result.features.append(SurveyFeature(planar, label, where, licence, top, bottom, attributes))
    if repaired:
        result.warnings.append(tr("{file}: invalid extents repaired (make_valid): {features}").format(
            file=name, features=short_list(repaired)))
    if unusable:
        result.warnings.append(tr("{file}: extents without any area once repaired, left out: {features}").format(
            file=name, features=short_list(unusable)))
    if not result.features:
        raise SurveyReadError(tr("{file}: no extent has any area.").format(file=name))
    return result


def _is_closed(line) -> bool:
    coordinates = shapely.get_coordinates(line)
    if len(coordinates) < 4:
        return False
    return float(np.hypot(*(coordinates[0] - coordinates[-1]))) <= CLOSE_TOLERANCE


def _z_range(geometry) -> tuple[float, float] | None:
    if not shapely.has_z(geometry):
        return None
    z = shapely.get_coordinates(geometry, include_z=True)[:, 2]
    z = z[~np.isnan(z)]
    if not len(z):
        return None
    return float(z.min()), float(z.max())


def as_date(value) -> dt.date | None:
    """A survey date from a date or date text (None when empty); ValueError when unreadable."""
    return to_date(value, strict=True)
