"""Mining rights in the supervision database: upsert from coordinate files, read back for export.

A licence lands in three tables: ``mining_rights`` (attributes and the whole
boundary), ``mining_right_parcels`` (one polygon per parcel with its depth
range) and ``mining_right_corners`` (the numbered corners, as given in the
file, so an inspector can speak of "拐点 3"). Re-importing a licence whose
boundary or attributes changed keeps the previous state in
``mining_right_history``; an identical one changes nothing.

Geometries are stored in the database CRS. Corner ``x``/``y`` stay in the
licence's own CRS (what the licence says); the corner's point geometry is in
the database CRS, which is how :func:`read_licence` recovers the licence CRS.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field

import numpy as np
import shapely
from osgeo import ogr, osr
from shapely.geometry import MultiPolygon, Polygon

from ..domain import vocab
from ..domain.crs import (
    CGCS2000,
    CGCS2000_DATUM,
    CGCS2000_GEOGRAPHIC,
    candidate_epsgs,
    crs_datum,
    reproject_geometry,
    transformer,
)
from ..domain.licence import Corner, Licence, Parcel
from ..i18n import tr
from .database import StoreError, SupervisionStore
from .ogr_util import (
    as_dict,
    features_with,
    field_value,
    json_ready,
    open_read,
    set_field,
    to_ogr_geometry,
)
from .versions import ConcurrentEditError, conflict_of, lock_rows

ogr.UseExceptions()
osr.UseExceptions()

RIGHTS, PARCELS, CORNERS, HISTORY = "mining_rights", "mining_right_parcels", "mining_right_corners", "mining_right_history"

# Keys of a coordinate file that may carry the production and credit status.
STATUS_KEYS = ("生产状态", "矿山状态", "状态", "status")
CREDIT_KEYS = ("信用状态", "credit_status")
COUNTY_KEYS = ("行政区代码", "county_code")

# Coordinates are compared rounded to this many decimals: files carry 2–3,
# and a float that went through text and back must still compare equal.
_COORDINATE_DECIMALS = 6


class RightsStoreError(StoreError):
    """A licence that cannot be stored, worded for the user."""


@dataclass
class UpsertReport:
    """What an upsert did, by licence number."""

    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


# --------------------------------------------------------------------------- CRS


def _check_crs(licence: Licence, store_epsg: int) -> None:
    if licence.crs_epsg is None:
        raise RightsStoreError(
            tr("Licence {license_no} has no coordinate reference system; it cannot be placed on the map.").format(
                license_no=licence.license_no
            )
        )
    try:
        licence_datum = crs_datum(licence.crs_epsg)
    except RuntimeError as error:
        raise RightsStoreError(
            tr("Licence {license_no}: EPSG:{epsg} is not a known coordinate reference system.").format(
                license_no=licence.license_no, epsg=licence.crs_epsg
            )
        ) from error
    store_datum = crs_datum(store_epsg)
    if licence_datum != store_datum:
        # A plain reprojection between Xi'an 1980 / Beijing 1954 and CGCS2000
        # has no datum shift and lands tens of metres off: never do it silently.
        raise RightsStoreError(
            tr(
                "Licence {license_no} is in EPSG:{epsg} ({datum}) but the database is in EPSG:{store_epsg} ({store_datum}). "
                "Transform the coordinates with the official parameters for your area first; they are not stored as they are."
            ).format(
                license_no=licence.license_no,
                epsg=licence.crs_epsg,
                datum=licence_datum,
                store_epsg=store_epsg,
                store_datum=store_datum,
            )
        )


# --------------------------------------------------------------------------- geometry


def _open_ring(corners: list[Corner]) -> list[Corner]:
    from ..domain.licence_geometry import same_point

    if len(corners) > 1 and same_point(corners[0], corners[-1]):
        return corners[:-1]
    return corners


def _normalised_corners(parcel: Parcel) -> list[Corner]:
    """The parcel's corners with each ring's repeated closing corner dropped (it is one corner, not two)."""
    result: list[Corner] = []
    for corners in parcel.rings().values():
        result.extend(_open_ring(corners))
    return result


def _parcel_polygon(licence: Licence, parcel: Parcel) -> Polygon:
    from ..domain import licence_geometry as geometry

    where = tr("Licence {license_no}, parcel {parcel_no}").format(license_no=licence.license_no, parcel_no=parcel.parcel_no)
    try:
        polygon = geometry.parcel_polygon(parcel)
    except (ValueError, TypeError, shapely.errors.GEOSException) as error:
        raise RightsStoreError(tr("{where}: the boundary cannot be built ({reason}).").format(where=where, reason=error)) from error
    if polygon is None or polygon.is_empty or not polygon.is_valid:
        reason = shapely.is_valid_reason(polygon) if polygon is not None else "empty"
        raise RightsStoreError(tr("{where}: the boundary is not a valid polygon ({reason}).").format(where=where, reason=reason))
    return polygon


def _licence_boundary(licence: Licence) -> MultiPolygon:
    """Union of the included parcels less the excluded ones, in the licence CRS."""
    from ..domain import licence_geometry as geometry

    boundary = geometry.licence_multipolygon(licence)
    if boundary.is_empty:
        raise RightsStoreError(
            tr("Licence {license_no} has no area left once its excluded parcels are cut out.").format(
                license_no=licence.license_no
            )
        )
    return boundary


@dataclass
class _Prepared:
    """A licence turned into the rows it will write, all computed before anything is written."""

    licence: Licence
    parcels: list[tuple[Parcel, Polygon, float, float]]  # parcel, polygon in store CRS, planar m², ellipsoidal m²
    boundary: MultiPolygon  # in store CRS
    corners: list[tuple[Parcel, Corner, tuple[float, float]]]  # parcel, corner, point in store CRS


def _prepare(licence: Licence, store_epsg: int) -> _Prepared:
    from ..domain import licence_geometry as geometry

    if not (licence.license_no or "").strip():
        raise RightsStoreError(tr("A licence without a licence number cannot be stored ({source}).").format(source=licence.source_file))
    if not licence.parcels:
        raise RightsStoreError(tr("Licence {license_no} has no parcels.").format(license_no=licence.license_no))
    numbers = [str(parcel.parcel_no) for parcel in licence.parcels]
    if len(set(numbers)) != len(numbers):
        # Corners are filed under their parcel number: two parcels with one number would merge.
        raise RightsStoreError(
            tr("Licence {license_no} uses a parcel number twice ({numbers}).").format(
                license_no=licence.license_no, numbers=", ".join(numbers)
            )
        )
    _check_crs(licence, store_epsg)
    polygons = [_parcel_polygon(licence, parcel) for parcel in licence.parcels]
    boundary = _licence_boundary(licence)
    parcels = []
    for parcel, polygon in zip(licence.parcels, polygons):
        planar = float(geometry.planar_area_m2(polygon))
        ellipsoidal = float(geometry.ellipsoidal_area_m2(polygon, licence.crs_epsg))
        parcels.append((parcel, reproject_geometry(polygon, licence.crs_epsg, store_epsg), planar, ellipsoidal))
    corner_rows = []
    for parcel in licence.parcels:
        corners = _normalised_corners(parcel)
        if not corners:
            continue
        points = np.array([[c.y, c.x] for c in corners], dtype=float)  # easting, northing
        if licence.crs_epsg != store_epsg:
            tx, ty = transformer(licence.crs_epsg, store_epsg).transform(points[:, 0], points[:, 1])
            points = np.column_stack([tx, ty])
        if not np.isfinite(points).all():
            raise RightsStoreError(
                tr("Licence {license_no}, parcel {parcel_no}: corners cannot be placed in EPSG:{epsg}.").format(
                    license_no=licence.license_no, parcel_no=parcel.parcel_no, epsg=store_epsg
                )
            )
        corner_rows.extend((parcel, corner, (float(p[0]), float(p[1]))) for corner, p in zip(corners, points))
    return _Prepared(licence, parcels, reproject_geometry(boundary, licence.crs_epsg, store_epsg), corner_rows)


# --------------------------------------------------------------------------- attributes


def _first(attributes: dict[str, str], keys: tuple[str, ...]) -> str | None:
    for key in keys:
        value = attributes.get(key)
        if value is not None and str(value).strip():
            return str(value).strip()
    return None


def _depth_range(parcels: list[Parcel]) -> tuple[float | None, float | None]:
    """The licence's depth range: highest top and lowest bottom of its included parcels."""
    included = [p for p in parcels if not p.excluded] or parcels
    tops = [p.depth_top_m for p in included if p.depth_top_m is not None]
    bottoms = [p.depth_bottom_m for p in included if p.depth_bottom_m is not None]
    return (max(tops) if tops else None, min(bottoms) if bottoms else None)


def _status_codes(licence: Licence, warnings: list[str]) -> dict[str, str]:
    """status / credit_status / county_code given by the file's attributes, as codes."""
    codes: dict[str, str] = {}
    for column, keys, vocabulary in (
        ("status", STATUS_KEYS, "right_status"),
        ("credit_status", CREDIT_KEYS, "credit_status"),
    ):
        value = _first(licence.attributes, keys)
        if value is None:
            continue
        code = vocab.to_code(vocabulary, value)
        if code is None:
            warnings.append(
                tr("Licence {license_no}: unknown {column} value “{value}” ignored.").format(
                    license_no=licence.license_no, column=column, value=value
                )
            )
        else:
            codes[column] = code
    county = _first(licence.attributes, COUNTY_KEYS)
    if county:
        codes["county_code"] = county
    return codes


def _licensed_area(licence: Licence, warnings: list[str] | None = None) -> float | None:
    """The licensed area to store: a positive finite number or NULL (never Infinity, NaN or negative)."""
    value = licence.licensed_area_km2
    if value is None:
        return None
    try:
        value = float(value)
    except (TypeError, ValueError):
        value = math.nan
    if math.isfinite(value) and value > 0:
        return value
    if warnings is not None:
        warnings.append(
            tr("Licence {license_no}: licensed area {value} km² is not a valid area; it is stored empty.").format(
                license_no=licence.license_no, value=licence.licensed_area_km2
            )
        )
    return None


def _row_values(licence: Licence, codes: dict[str, str], warnings: list[str] | None = None) -> dict[str, object]:
    top, bottom = _depth_range(licence.parcels)
    values: dict[str, object] = {
        "license_no": licence.license_no.strip(),
        "mine_name": licence.mine_name,
        "holder": licence.holder,
        "mineral": licence.mineral,
        "mining_method": licence.mining_method,
        "production_scale": licence.production_scale,
        "licensed_area_km2": _licensed_area(licence, warnings),
        "valid_from": licence.valid_from,
        "valid_to": licence.valid_to,
        "depth_top_m": top,
        "depth_bottom_m": bottom,
    }
    values.update(codes)
    return values


def _round(value: float | None) -> float | None:
    return None if value is None else round(float(value), _COORDINATE_DECIMALS)


def _signature(licence: Licence, codes: dict[str, str] | None = None) -> tuple:
    """What makes two versions of a licence the same: attributes, parcels, corners (numbers and coordinates), CRS."""
    attributes = (
        licence.mine_name or "",
        licence.holder or "",
        licence.mineral or "",
        licence.mining_method or None,
        licence.production_scale or "",
        _round(_licensed_area(licence)),
        licence.valid_from,
        licence.valid_to,
        tuple(sorted((codes or {}).items())),
    )
    parcels = tuple(
        (
            str(parcel.parcel_no),
            _round(parcel.depth_top_m),
            _round(parcel.depth_bottom_m),
            bool(parcel.excluded),
            tuple((c.ring, c.number, _round(c.x), _round(c.y)) for c in _normalised_corners(parcel)),
        )
        for parcel in licence.parcels
    )
    return (licence.crs_epsg, attributes, parcels)


def _features(layer: ogr.Layer, license_no: str) -> list[ogr.Feature]:
    return features_with(layer, "license_no", license_no)


# --------------------------------------------------------------------------- reading


def _detect_licence_crs(store_epsg: int, corners: list[tuple[float, float, float, float]]) -> int | None:
    """The CRS in which the corners' given (x, y) sit, from their stored points (px, py in the store CRS).

    Candidates are the Gauss–Krüger CRSs of the store's datum around the
    corners' longitude, 3- and 6-degree, with and without the zone prefix.
    """
    x, y, px, py = corners[0]
    if abs(py - x) < 1e-3 and abs(px - y) < 1e-3:
        return store_epsg
    if crs_datum(store_epsg) != CGCS2000_DATUM:
        return None
    lon, _lat = transformer(store_epsg, CGCS2000_GEOGRAPHIC).transform(px, py)
    candidates = candidate_epsgs(CGCS2000, lon)  # neighbouring zones too: data may reach past its zone's edge
    for epsg in candidates:
        try:
            ex, ny = transformer(store_epsg, epsg).transform(px, py)
        except Exception:  # noqa: BLE001 - a candidate that does not apply is simply skipped
            continue
        if abs(ny - x) < 0.01 and abs(ex - y) < 0.01:
            return epsg
    return None


def _read_licence(source: ogr.DataSource, license_no: str, store_epsg: int) -> tuple[Licence, ogr.Feature] | None:
    rights = _features(source.GetLayerByName(RIGHTS), license_no)
    if not rights:
        return None
    row = rights[0]
    licence = Licence(
        license_no=field_value(row, "license_no") or license_no,
        mine_name=field_value(row, "mine_name") or "",
        holder=field_value(row, "holder") or "",
        mineral=field_value(row, "mineral") or "",
        mining_method=field_value(row, "mining_method"),
        production_scale=field_value(row, "production_scale") or "",
        licensed_area_km2=field_value(row, "licensed_area_km2"),
        valid_from=field_value(row, "valid_from"),
        valid_to=field_value(row, "valid_to"),
        source_file=field_value(row, "source_file") or "",
    )
    status, credit, county = field_value(row, "status"), field_value(row, "credit_status"), field_value(row, "county_code")
    if status:
        licence.attributes["生产状态"] = vocab.label("right_status", status)
    if credit:
        licence.attributes["信用状态"] = vocab.label("credit_status", credit)
    if county:
        licence.attributes["行政区代码"] = county
    by_parcel: dict[str, Parcel] = {}
    for feature in sorted(_features(source.GetLayerByName(PARCELS), license_no), key=lambda f: f.GetFID()):
        parcel = Parcel(
            parcel_no=field_value(feature, "parcel_no"),
            depth_top_m=field_value(feature, "depth_top_m"),
            depth_bottom_m=field_value(feature, "depth_bottom_m"),
            excluded=bool(field_value(feature, "excluded")),
        )
        by_parcel[parcel.parcel_no] = parcel
        licence.parcels.append(parcel)
    layer = source.GetLayerByName(CORNERS)
    definition = layer.GetLayerDefn()
    i_parcel, i_ring, i_corner, i_x, i_y = (
        definition.GetFieldIndex(name) for name in ("parcel_no", "ring_no", "corner_no", "x", "y")
    )
    placed: list[tuple[Corner, float, float]] = []  # corner, stored point (easting, northing) in the store CRS
    # Index access: this loop runs once per corner of every licence of an import.
    for feature in sorted(_features(layer, license_no), key=lambda f: f.GetFID()):
        parcel_no = feature.GetFieldAsString(i_parcel)
        parcel = by_parcel.get(parcel_no)
        if parcel is None:
            parcel = by_parcel[parcel_no] = Parcel(parcel_no=parcel_no)
            licence.parcels.append(parcel)
        corner = Corner(
            number=feature.GetFieldAsInteger(i_corner),
            x=feature.GetFieldAsDouble(i_x),
            y=feature.GetFieldAsDouble(i_y),
            ring=feature.GetFieldAsInteger(i_ring) if feature.IsFieldSetAndNotNull(i_ring) else 1,
        )
        parcel.corners.append(corner)
        point = feature.GetGeometryRef()
        if point is not None and not point.IsEmpty():
            placed.append((corner, point.GetX(), point.GetY()))
    if placed:
        corner, px, py = placed[0]
        licence.crs_epsg = _detect_licence_crs(store_epsg, [(corner.x, corner.y, px, py)])
    if licence.crs_epsg is None:
        # The given coordinates cannot be tied to a CRS any more: fall back to
        # the stored points, which are right in the store CRS by construction.
        licence.crs_epsg = store_epsg
        for corner, px, py in placed:
            corner.x, corner.y = py, px
    return licence, row


def read_licence(store: SupervisionStore, license_no: str) -> Licence:
    """Rebuild a licence (attributes, parcels, numbered corners, CRS) from the store, e.g. for export."""
    source = open_read(store)
    try:
        found = _read_licence(source, license_no, store.crs_epsg)
    finally:
        source = None
    if found is None:
        raise RightsStoreError(tr("Licence {license_no} is not in the database.").format(license_no=license_no))
    return found[0]


def list_license_nos(store: SupervisionStore) -> list[str]:
    """Every licence number in the store, sorted."""
    source = open_read(store)
    try:
        layer = source.GetLayerByName(RIGHTS)
        numbers = sorted({feature.GetField("license_no") for feature in layer if feature.GetField("license_no")})
    finally:
        source = None
    return numbers


# --------------------------------------------------------------------------- writing


def _history_json(previous: Licence, row: ogr.Feature) -> str:
    attributes = {name: json_ready(value) for name, value in as_dict(row).items() if name != "fid"}
    parcels = [
        {
            "parcel_no": parcel.parcel_no,
            "depth_top_m": parcel.depth_top_m,
            "depth_bottom_m": parcel.depth_bottom_m,
            "excluded": parcel.excluded,
            # [ring, corner number, x (northing), y (easting)] as given by the licence
            "corners": [[c.ring, c.number, c.x, c.y] for c in parcel.corners],
        }
        for parcel in previous.parcels
    ]
    return json.dumps(
        {"attributes": attributes, "crs_epsg": previous.crs_epsg, "parcels": parcels}, ensure_ascii=False
    )


def _delete_children(source: ogr.DataSource, license_no: str) -> None:
    for name in (PARCELS, CORNERS):
        layer = source.GetLayerByName(name)
        for fid in [feature.GetFID() for feature in _features(layer, license_no)]:
            layer.DeleteFeature(fid)


def _write_children(source: ogr.DataSource, prepared: _Prepared, license_no: str) -> None:
    parcels = source.GetLayerByName(PARCELS)
    for parcel, polygon, planar, ellipsoidal in prepared.parcels:
        feature = ogr.Feature(parcels.GetLayerDefn())
        feature.SetGeometry(to_ogr_geometry(polygon))
        for name, value in (
            ("license_no", license_no),
            ("parcel_no", str(parcel.parcel_no)),
            ("depth_top_m", parcel.depth_top_m),
            ("depth_bottom_m", parcel.depth_bottom_m),
            ("excluded", bool(parcel.excluded)),
            ("area_m2", planar),
            ("ellipsoidal_area_m2", ellipsoidal),
        ):
            set_field(feature, name, value)
        parcels.CreateFeature(feature)
    corners = source.GetLayerByName(CORNERS)
    definition = corners.GetLayerDefn()
    i_licence, i_parcel, i_ring, i_corner, i_x, i_y = (
        definition.GetFieldIndex(name) for name in ("license_no", "parcel_no", "ring_no", "corner_no", "x", "y")
    )
    # Index access: this loop runs once per corner of every licence of an import.
    for parcel, corner, (px, py) in prepared.corners:
        feature = ogr.Feature(definition)
        point = ogr.Geometry(ogr.wkbPoint)
        point.AddPoint_2D(px, py)
        feature.SetGeometryDirectly(point)
        feature.SetField(i_licence, license_no)
        feature.SetField(i_parcel, str(parcel.parcel_no))
        feature.SetField(i_ring, int(corner.ring))
        feature.SetField(i_corner, int(corner.number))
        feature.SetField(i_x, float(corner.x))
        feature.SetField(i_y, float(corner.y))
        corners.CreateFeature(feature)


def _upsert_one(
    store: SupervisionStore,
    source: ogr.DataSource,
    licence: Licence,
    source_file: str | None,
    report: UpsertReport,
    expected: Mapping | None = None,
) -> None:
    license_no = (licence.license_no or "").strip()
    if not license_no:
        raise RightsStoreError(
            tr("A licence without a licence number cannot be stored ({source}).").format(source=licence.source_file)
        )
    codes = _status_codes(licence, report.warnings)
    existing = _read_licence(source, license_no, store.crs_epsg)
    if existing is not None:
        previous, row = existing
        conflict = conflict_of(source, RIGHTS, license_no, row, expected)
        if conflict is not None:
            raise ConcurrentEditError([conflict])
        # Status and credit status are the bureau's own record: a file that says
        # nothing about them leaves them as they are (they are not in ``values``).
        previous_codes = {name: field_value(row, name) for name in ("status", "credit_status", "county_code")}
        merged_codes = {k: v for k, v in {**previous_codes, **codes}.items() if v}
        previous_signature = _signature(previous, {k: v for k, v in previous_codes.items() if v})
        if _signature(licence, merged_codes) == previous_signature:
            report.unchanged.append(license_no)
            return
    # Computed only for what will be written: an unchanged licence costs one read.
    prepared = _prepare(licence, store.crs_epsg)
    values = _row_values(licence, codes, report.warnings)
    values["source_file"] = licence.source_file or source_file or ""
    now = dt.datetime.now().replace(microsecond=0)
    values["updated_at"] = now
    rights = source.GetLayerByName(RIGHTS)
    if existing is None:
        feature = ogr.Feature(rights.GetLayerDefn())
        for name, value in values.items():
            set_field(feature, name, value)
        set_field(feature, "boundary_version", 1)
        feature.SetGeometry(to_ogr_geometry(prepared.boundary))
        rights.CreateFeature(feature)
        _write_children(source, prepared, license_no)
        store.log(source, "create", RIGHTS, license_no, {"source_file": values["source_file"], "crs_epsg": licence.crs_epsg})
        report.created.append(license_no)
        return
    version = int(field_value(row, "boundary_version") or 1)
    history_layer = source.GetLayerByName(HISTORY)
    entry = ogr.Feature(history_layer.GetLayerDefn())
    geometry = row.GetGeometryRef()
    if geometry is not None:
        entry.SetGeometry(geometry.Clone())
    set_field(entry, "license_no", license_no)
    set_field(entry, "boundary_version", version)
    set_field(entry, "replaced_at", now)
    set_field(entry, "source_file", field_value(row, "source_file"))
    set_field(entry, "attributes_json", _history_json(previous, row))
    history_layer.CreateFeature(entry)
    for name, value in values.items():
        set_field(row, name, value)
    set_field(row, "boundary_version", version + 1)
    row.SetGeometry(to_ogr_geometry(prepared.boundary))
    rights.SetFeature(row)
    _delete_children(source, license_no)
    _write_children(source, prepared, license_no)
    store.log(
        source,
        "update",
        RIGHTS,
        license_no,
        {"source_file": values["source_file"], "boundary_version": version + 1, "crs_epsg": licence.crs_epsg},
    )
    report.updated.append(license_no)


def upsert_licences(
    store: SupervisionStore,
    licences: Iterable[Licence],
    *,
    source_file: str | None = None,
    expected: Mapping[str, Mapping] | None = None,
) -> UpsertReport:
    """Create or update ``licences`` in one transaction: all are stored, or none.

    ``source_file`` is recorded for licences that do not carry their own.
    A licence that appears twice is created by the first and updated by the
    second (the earlier one goes to history), never duplicated.
    Raises :class:`RightsStoreError` (nothing written) when a licence cannot be stored.
    ``expected``: per licence number, the stored row as the user read it; a
    licence another user changed since is refused with
    :class:`~.versions.ConcurrentEditError` (nothing written).
    """
    with upserting(store, licences, source_file=source_file, expected=expected) as report:
        pass
    return report


@contextmanager
def upserting(
    store: SupervisionStore,
    licences: Iterable[Licence],
    *,
    source_file: str | None = None,
    expected: Mapping[str, Mapping] | None = None,
) -> Iterator[UpsertReport]:
    """:func:`upsert_licences` whose commit waits for the caller's block.

    Every licence is written inside the transaction first (a refusal raises
    :class:`RightsStoreError` before the block runs); the block then does
    what must succeed together with the store (e.g. write an output layer).
    An exception in the block rolls everything back.
    """
    report = UpsertReport()
    licences = list(licences)
    expected = expected or {}
    with store.transaction() as source:
        # A concurrent import or edit of the same licences waits here (shared database).
        lock_rows(source, RIGHTS, "license_no", [(licence.license_no or "").strip() for licence in licences])
        for licence in licences:
            number = (licence.license_no or "").strip()
            _upsert_one(store, source, licence, source_file, report, expected.get(number))
        yield report


def history(store: SupervisionStore, license_no: str) -> list[dict]:
    """The previous versions of a licence, oldest first: boundary_version, replaced_at, source_file and the stored JSON."""
    source = open_read(store)
    try:
        rows = [
            {
                "boundary_version": field_value(feature, "boundary_version"),
                "replaced_at": field_value(feature, "replaced_at"),
                "source_file": field_value(feature, "source_file"),
                "state": json.loads(field_value(feature, "attributes_json") or "{}"),
                "wkt": feature.GetGeometryRef().ExportToWkt() if feature.GetGeometryRef() else None,
            }
            for feature in _features(source.GetLayerByName(HISTORY), license_no)
        ]
    finally:
        source = None
    return sorted(rows, key=lambda r: r["boundary_version"] or 0)


__all__ = [
    "RightsStoreError",
    "UpsertReport",
    "history",
    "list_license_nos",
    "read_licence",
    "upsert_licences",
    "upserting",
]
