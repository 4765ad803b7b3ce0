"""Patrols (巡查/核查记录) in the supervision database: a batch of GPS routes and photos recorded at once.

Seed 002 §二(二)1② asks every patrol to record its route, its evidence photos
and its result. :func:`import_patrols` takes what the field staff bring back —
GPX tracks or routes, drone flight logs, a folder of phone photos — and records:

* one ``inspections`` row per route (its line in the database CRS, date, start
  and end time, kind, inspectors and finding when the route's description
  says them, the file it came from);
* the mines it covers in ``license_nos`` (comma-separated) with ``matched_by``:
  the licence numbers written in the route's name or description or in its
  file name when there are any (``licence_no``), else every licence the route
  passes within ``match_distance_m``, nearest first (``route_distance``); the
  first is also the row's ``license_no``;
* its photos in ``inspection_photos``: each photo goes to the patrol whose
  time span holds the time it was taken (give or take :data:`PHOTO_TIME_MARGIN`),
  else to the route it was taken beside that day. The file is COPIED into
  ``<database name>_attachments/inspections/<inspection id>/`` beside the
  database and linked by a path relative to the database's folder, so moving
  the folder (database and attachments together) keeps every link. A photo
  with a GPS position is placed (a point); one without is kept unplaced, and a
  photo that fits no patrol is kept too, under ``…/inspections/unassigned/``:
  none is dropped, each is named in the warnings.

All of a batch is written in one transaction: when anything fails, the
database is as before and the copied files are removed again.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import shapely
from osgeo import ogr, osr

from ..domain.vocab import to_code
from ..formats.gpx import PatrolRoute, photo_files, read_patrol_files
from ..i18n import tr
from .database import StoreError, SupervisionStore, _read_meta, _write_meta, current_user, is_postgres
from .ogr_util import as_dict, open_read, set_field, spatial_reference, to_ogr_geometry, to_shapely

GPS_EPSG = 4490
#: A route passing a licence closer than this covers that mine (metres), when the route names no licence.
MATCH_DISTANCE_M = 100.0
#: A photo taken this long before a patrol's first point or after its last still belongs to it.
PHOTO_TIME_MARGIN = dt.timedelta(minutes=30)
ATTACHMENTS_SUFFIX = "_attachments"
#: ms_meta key of a PostGIS database's attachments folder
ATTACHMENTS_KEY = "attachments_folder"
UNASSIGNED = "unassigned"
MATCHED_BY_TEXT, MATCHED_BY_DISTANCE = "licence_no", "route_distance"

INSPECTIONS, PHOTOS = "inspections", "inspection_photos"
LICENCE_SEPARATOR = ","

# Licence numbers as written on licences: a letter and 12+ digits (C + 22 digits today), or long digit runs.
_LICENCE_TOKEN = re.compile(r"(?<![0-9A-Za-z])([A-Za-z]?\d{12,})(?!\d)")
_LABELLED = {
    "inspectors": re.compile(r"(?:巡查人员|核查人员|检查人员|人员|inspectors?)\s*[:：]\s*([^;；\n|]+)", re.I),
    "finding": re.compile(r"(?:发现问题|巡查情况|核查情况|发现|findings?)\s*[:：]\s*([^;；\n|]+)", re.I),
    "kind": re.compile(r"(?:类型|巡查类型|kind)\s*[:：]\s*([^;；\n|\s]+)", re.I),
}


class PatrolImportError(StoreError):
    """A patrol batch that cannot be recorded at all, worded for the user; nothing was written."""


@dataclass
class PatrolImport:
    """What :func:`import_patrols` recorded, and what it could not."""

    files_read: int = 0
    refused: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    #: one record per recorded patrol: the inspection's fields, ``fid``, ``license_nos``, ``matched_by``,
    #: ``photos`` (count) and ``geometry`` (shapely, database CRS)
    inspections: list[dict] = field(default_factory=list)
    photos_placed: list[str] = field(default_factory=list)
    photos_unplaced: list[str] = field(default_factory=list)
    photos_unassigned: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)

    @property
    def mines(self) -> list[str]:
        """Every licence number matched to a recorded patrol, once, sorted."""
        return sorted({number for record in self.inspections for number in record["license_nos"]})


# --- attachments -------------------------------------------------------------------------------


def attachments_folder(store: SupervisionStore) -> Path:
    """``<database name>_attachments`` beside a GeoPackage database; the folder set for a PostGIS one.

    A shared database has no folder of its own: its administrator names one every user reaches (a
    network share) with :func:`set_attachments_folder`; until then photos cannot be copied, said in words.
    """
    if is_postgres(store.location):
        source = open_read(store)
        try:
            folder = _read_meta(source).get(ATTACHMENTS_KEY)
        finally:
            source = None
        if not folder:
            raise StoreError(
                tr("{path} has no attachments folder yet: its administrator sets the shared folder where its photos "
                   "are kept (Processing: Set the attachments folder of a shared database) before photos are "
                   "imported.").format(path=store.shown)
            )
        return Path(folder)
    path = Path(store.location)
    return path.with_name(path.stem + ATTACHMENTS_SUFFIX)


def set_attachments_folder(store: SupervisionStore, folder: str | os.PathLike) -> Path:
    """Name the folder where a PostGIS database's photos are kept (a share every user reaches); one transaction.

    Stored paths are relative to the folder's parent, as they are to a GeoPackage's folder, so a share
    mounted elsewhere is set again here and every link follows.
    """
    if not is_postgres(store.location):
        raise StoreError(tr("A GeoPackage keeps its attachments beside itself; there is no folder to set."))
    path = Path(folder).resolve()
    if not path.parent.is_dir():
        raise StoreError(tr("The folder {folder} does not exist.").format(folder=path.parent))
    with store.transaction() as source:
        _write_meta(source, {ATTACHMENTS_KEY: str(path)})
        store.log(source, "set_attachments_folder", "ms_meta", ATTACHMENTS_KEY, {"folder": str(path)})
    return path


def _attachments_base(store: SupervisionStore) -> Path:
    """The folder stored photo paths are relative to: the GeoPackage's folder, or the attachments folder's parent."""
    if is_postgres(store.location):
        return attachments_folder(store).parent
    return Path(store.location).resolve().parent


def attachment_file(store: SupervisionStore, stored_path: str) -> Path:
    """The file a stored photo path names: a relative path is taken from the database's folder."""
    path = Path(stored_path)
    return path if path.is_absolute() else _attachments_base(store) / path


def _unique_target(folder: Path, name: str, taken: set[Path]) -> Path:
    target = folder / name
    stem, suffix, number = Path(name).stem, Path(name).suffix, 1
    while target.exists() or target in taken:
        number += 1
        target = folder / f"{stem}_{number}{suffix}"
    taken.add(target)
    return target


# --- matching ---------------------------------------------------------------------------------


def _labelled(text: str, key: str) -> str | None:
    match = _LABELLED[key].search(text or "")
    return match.group(1).strip() if match else None


def _named_licences(route: PatrolRoute, known: dict[str, object]) -> tuple[list[str], list[str]]:
    """The known licence numbers written about ``route`` (in order) and the unknown ones."""
    found, unknown = [], []
    for token in _LICENCE_TOKEN.findall(route.text()):
        number = token.upper()
        if number in known:
            if number not in found:
                found.append(number)
        elif number[0].isalpha() and number not in unknown:
            unknown.append(number)
    return found, unknown


def _read_licences(store: SupervisionStore) -> dict[str, object]:
    """Licence number → boundary (shapely, database CRS; None when it has none)."""
    source = open_read(store)
    try:
        layer = source.GetLayerByName("mining_rights")
        licences = {feature.GetField("license_no"): to_shapely(feature.GetGeometryRef()) for feature in layer}
    finally:
        layer = source = None
    return {number: geometry for number, geometry in licences.items() if number}


def _already_recorded(store: SupervisionStore) -> set[tuple[str, str]]:
    source = open_read(store)
    try:
        layer = source.GetLayerByName(INSPECTIONS)
        keys = set()
        for feature in layer:
            record = as_dict(feature)
            if record.get("inspection_no") and record.get("started_at"):
                keys.add((record["inspection_no"], record["started_at"].isoformat(timespec="seconds")))
    finally:
        layer = source = None
    return keys


class _Matcher:
    """Finds the licences a route passes within a distance (an STRtree over the boundaries)."""

    def __init__(self, licences: dict[str, object], distance_m: float, projected: bool):
        self.numbers = [n for n, g in licences.items() if g is not None and not g.is_empty]
        self.geometries = [licences[n] for n in self.numbers]
        self.tree = shapely.STRtree(self.geometries) if self.geometries else None
        # a database in geographic degrees (EPSG:4490) is matched in degrees, ~111 km each
        self.scale = 1.0 if projected else 1.0 / 111_320.0
        self.distance = distance_m * self.scale

    def distance_m(self, line, number: str, licences: dict[str, object]) -> float | None:
        geometry = licences.get(number)
        if geometry is None or geometry.is_empty:
            return None
        return float(line.distance(geometry)) / self.scale

    def near(self, line) -> list[tuple[str, float]]:
        if self.tree is None:
            return []
        indexes = self.tree.query(line, predicate="dwithin", distance=self.distance)
        found = [(self.numbers[i], float(line.distance(self.geometries[i])) / self.scale) for i in indexes]
        return sorted(found, key=lambda item: (item[1], item[0]))


# --- the use case ------------------------------------------------------------------------------


def import_patrols(
    store: SupervisionStore,
    routes_path: str | os.PathLike,
    photos_path: str | os.PathLike | None = None,
    *,
    kind: str = "patrol",
    inspectors: str | None = None,
    match_distance_m: float = MATCH_DISTANCE_M,
    read_photo: Callable | None = None,
) -> PatrolImport:
    """Record the patrols of a GPX / flight-log file or folder, with the photos of a folder, in one transaction.

    Files that cannot be read are refused (``refused``, a message each) and
    the others recorded; when no route at all can be read,
    :class:`PatrolImportError` says why and nothing is written. ``kind``
    (code or label) is the inspection kind unless a route's description says
    another (``类型：实地核查``); ``inspectors`` likewise. ``read_photo`` reads one
    photo's EXIF (default: :func:`..formats.photos.read_photo_info`, through QGIS).
    """
    files = read_patrol_files(routes_path)
    if not files.routes:
        raise PatrolImportError(
            "\n".join([tr("No patrol route could be read from {path}; nothing was recorded.").format(path=routes_path)]
                      + files.refused)
        )
    if read_photo is None:
        from ..formats.photos import read_photo_info as read_photo
    photos = []
    if photos_path:
        folder = Path(photos_path)
        if not folder.is_dir():
            raise PatrolImportError(tr("The photo folder {folder} does not exist.").format(folder=folder))
        photos = [read_photo(path) for path in photo_files(folder)]
    report = record_patrols(
        store, files.routes, photos, kind=kind, inspectors=inspectors, match_distance_m=match_distance_m
    )
    report.files_read = files.files_read
    report.refused = files.refused + report.refused
    report.warnings = files.warnings + report.warnings
    return report


def record_patrols(
    store: SupervisionStore,
    routes: Iterable[PatrolRoute],
    photos: Iterable = (),
    *,
    kind: str = "patrol",
    inspectors: str | None = None,
    match_distance_m: float = MATCH_DISTANCE_M,
) -> PatrolImport:
    """Record ``routes`` (read by :mod:`..formats.gpx`) and ``photos`` (:class:`..formats.photos.PhotoInfo`).

    See :func:`import_patrols`; everything in one transaction, the photo files
    copied into :func:`attachments_folder` and removed again when it fails.
    """
    default_kind = to_code("inspection_kind", kind)
    if default_kind is None:
        raise PatrolImportError(tr("{kind} is not an inspection kind.").format(kind=kind))
    report = PatrolImport()
    licences = _read_licences(store)
    store_srs = spatial_reference(store.crs_epsg)
    projected = bool(store_srs.IsProjected())
    matcher = _Matcher(licences, match_distance_m, projected)
    to_store = osr.CoordinateTransformation(spatial_reference(GPS_EPSG), store_srs)
    recorded = _already_recorded(store)

    patrols = []  # (record, route)
    for route in routes:
        coordinates = to_store.TransformPoints([(p.longitude, p.latitude) for p in route.points])
        distinct = list(dict.fromkeys((x, y) for x, y, *_ in coordinates))
        if len(distinct) < 2:
            report.refused.append(
                tr("{file}: {route} has fewer than two distinct positions; it is not a route.").format(
                    file=route.source_file, route=route.name
                )
            )
            continue
        started = route.started_at
        key = (route.name, started.isoformat(timespec="seconds"))
        if key in recorded:
            report.skipped.append(
                tr("{file}: {route} of {start} is already recorded; skipped.").format(
                    file=route.source_file, route=route.name, start=key[1]
                )
            )
            continue
        recorded.add(key)
        line = shapely.LineString([(x, y) for x, y, *_ in coordinates])
        text = route.text()
        named, unknown = _named_licences(route, licences)
        for number in unknown:
            report.warnings.append(
                tr("{file}: {route} names licence {licence}, which is not in the database.").format(
                    file=route.source_file, route=route.name, licence=number
                )
            )
        if named:
            mines = [(number, matcher.distance_m(line, number, licences)) for number in named]
            matched_by = MATCHED_BY_TEXT
            for number, distance in mines:
                if distance is not None and distance > max(match_distance_m, 1000.0):
                    report.warnings.append(
                        tr("{file}: {route} names licence {licence} but passes no closer than {distance} m to it.").format(
                            file=route.source_file, route=route.name, licence=number, distance=f"{distance:,.0f}"
                        )
                    )
        else:
            mines = matcher.near(line)
            matched_by = MATCHED_BY_DISTANCE
            if not mines:
                report.warnings.append(
                    tr("{file}: {route} names no licence and passes no licence within {distance} m; it is recorded "
                       "without a mine.").format(file=route.source_file, route=route.name, distance=f"{match_distance_m:g}")
                )
        route_kind = default_kind
        said_kind = _labelled(text, "kind")
        if said_kind:
            route_kind = to_code("inspection_kind", said_kind) or default_kind
        record = {
            "inspection_no": route.name,
            "inspection_date": route.date,
            "started_at": started,
            "ended_at": route.ended_at,
            "kind": route_kind,
            "inspectors": inspectors or _labelled(route.description, "inspectors"),
            "finding": _labelled(route.description, "finding"),
            "license_no": mines[0][0] if mines else None,
            "route_source": route.source,
            "route_length_m": round(line.length, 1) if projected else None,
            "source_file": Path(route.source_file).name,
            "license_nos": [number for number, _ in mines],
            "distances": [distance for _, distance in mines],
            "matched_by": matched_by if mines else None,
            "photos": 0,
            "geometry": line,
        }
        patrols.append(record)

    assignments = _assign_photos(list(photos), patrols, to_store, matcher.scale * match_distance_m)
    if not patrols:
        details = report.refused + report.skipped
        raise PatrolImportError(
            "\n".join(
                [tr("No new patrol to record ({skipped} already recorded, {refused} refused); nothing was written.").format(
                    skipped=len(report.skipped), refused=len(report.refused))]
                + details[:10]
                + ([tr("… and {count} more.").format(count=len(details) - 10)] if len(details) > 10 else [])
            )
        )
    _write(store, patrols, assignments, report)
    report.inspections = patrols
    return report


def _assign_photos(photos: list, patrols: list[dict], to_store, distance: float) -> list[tuple[object, int | None, object]]:
    """Each photo with the index of its patrol (None: none fits) and its point in the database CRS (None: no GPS)."""
    assigned = []
    for info in photos:
        point = None
        if info.located:
            x, y, *_ = to_store.TransformPoint(info.longitude, info.latitude)
            point = shapely.Point(x, y)
        best, best_key = None, None
        for index, record in enumerate(patrols):
            start, end = record["started_at"], record["ended_at"]
            if info.taken_at is not None and start is not None:
                if not (start - PHOTO_TIME_MARGIN <= info.taken_at <= end + PHOTO_TIME_MARGIN):
                    continue
                gap = max((start - info.taken_at).total_seconds(), (info.taken_at - end).total_seconds(), 0.0)
                near = record["geometry"].distance(point) if point is not None else 0.0
                key = (0, gap, near)
            elif point is not None and (info.taken_at is None or info.taken_at.date() == record["inspection_date"]):
                near = record["geometry"].distance(point)
                if near > distance:
                    continue
                key = (1, 0.0, near)
            else:
                continue
            if best_key is None or key < best_key:
                best, best_key = index, key
        assigned.append((info, best, point))
    return assigned


def _write(store: SupervisionStore, patrols: list[dict], assignments: list, report: PatrolImport) -> None:
    # a PostGIS database without an attachments folder still records patrols that bring no photos
    folder = attachments_folder(store) / INSPECTIONS if assignments else None
    base = _attachments_base(store) if folder is not None else None
    created_dirs: list[Path] = []
    copied: list[Path] = []
    try:
        with store.transaction() as source:
            layer = source.GetLayerByName(INSPECTIONS)
            photos_layer = source.GetLayerByName(PHOTOS)
            for record in patrols:
                feature = ogr.Feature(layer.GetLayerDefn())
                for name in ("inspection_no", "inspection_date", "started_at", "ended_at", "kind", "inspectors",
                             "finding", "license_no", "matched_by", "route_source", "route_length_m", "source_file"):
                    set_field(feature, name, record[name])
                set_field(feature, "license_nos", LICENCE_SEPARATOR.join(record["license_nos"]))
                feature.SetGeometry(to_ogr_geometry(record["geometry"]))
                layer.CreateFeature(feature)
                record["fid"] = feature.GetFID()
            taken: set[Path] = set()
            for info, index, point in assignments:
                original = Path(info.path)
                record = patrols[index] if index is not None else None
                target_dir = folder / (str(record["fid"]) if record else UNASSIGNED)
                if not target_dir.exists():
                    for parent in reversed([target_dir, *target_dir.parents]):
                        if not parent.exists():
                            parent.mkdir()
                            created_dirs.append(parent)
                target = _unique_target(target_dir, original.name, taken)
                shutil.copy2(original, target)
                copied.append(target)
                feature = ogr.Feature(photos_layer.GetLayerDefn())
                set_field(feature, "photo_path", Path(os.path.relpath(target, base)).as_posix())
                set_field(feature, "source_file", str(original))
                set_field(feature, "taken_at", info.taken_at)
                set_field(feature, "azimuth_deg", info.azimuth_deg)
                if record is not None:
                    set_field(feature, "inspection_id", record["fid"])
                    record["photos"] += 1
                if point is not None:
                    feature.SetGeometry(to_ogr_geometry(point))
                    report.photos_placed.append(str(original))
                else:
                    report.photos_unplaced.append(str(original))
                    report.warnings.append(
                        tr("Photo {photo} has no GPS position: it is kept, linked to its patrol, but not placed on the map.").format(
                            photo=original
                        ) if record is not None else
                        tr("Photo {photo} has no GPS position and no patrol fits it: it is kept, not placed.").format(photo=original)
                    )
                if record is None:
                    report.photos_unassigned.append(str(original))
                    if point is not None:
                        report.warnings.append(
                            tr("Photo {photo} fits no patrol of this batch (time, place): it is kept under {folder}.").format(
                                photo=original, folder=target_dir
                            )
                        )
                photos_layer.CreateFeature(feature)
            store.log(
                source,
                "import_patrols",
                INSPECTIONS,
                "",
                {
                    "files": sorted({record["source_file"] for record in patrols}),
                    "inspections": [record["fid"] for record in patrols],
                    "photos": len(assignments),
                    "user": current_user(),
                },
            )
    except BaseException:
        for path in copied:
            path.unlink(missing_ok=True)
        for directory in reversed(created_dirs):
            try:
                directory.rmdir()
            except OSError:
                pass
        raise


def patrol_photos(store: SupervisionStore, inspection_id: int) -> list[dict]:
    """The photos of one patrol, each with ``file``: where it is now (see :func:`attachment_file`)."""
    source = open_read(store)
    try:
        layer = source.GetLayerByName(PHOTOS)
        layer.SetAttributeFilter(f"inspection_id = {int(inspection_id)}")
        rows = [as_dict(feature) for feature in layer]
    finally:
        layer = source = None
    base = _attachments_base(store) if any(not Path(row["photo_path"]).is_absolute() for row in rows) else None
    for row in rows:
        path = Path(row["photo_path"])
        row["file"] = path if path.is_absolute() else base / path
    return rows


def patrol_mines(record: dict) -> list[str]:
    """The licence numbers of an ``inspections`` row: its ``license_nos``, else its ``license_no``."""
    text = record.get("license_nos") or record.get("license_no") or ""
    return [number.strip() for number in str(text).split(LICENCE_SEPARATOR) if number.strip()]


# --- one patrol recorded by hand (the "Record patrol…" dialog) -------------------------------------


def record_patrol(
    store: SupervisionStore,
    *,
    inspection_date: dt.date,
    kind: str,
    license_nos: Iterable[str],
    inspectors: str | None = None,
    patch_nos: Iterable[str] = (),
    checklist: dict | None = None,
    finding: str | None = None,
    result: str | None = None,
    route_file: str | os.PathLike | None = None,
    photos: Iterable = (),
    route_line=None,
) -> dict:
    """Record one patrol as the field staff report it, in one transaction; the written row (``fid``, ``photos``).

    ``license_nos`` (at least one, each in the database) are the mines it
    covered, ``patch_nos`` the patches it looked at (each in the database);
    ``checklist`` the seed's items (:mod:`..domain.patrol_checklist`); the
    route is the first track or route of ``route_file`` (GPX or flight log);
    ``photos`` are :class:`..formats.photos.PhotoInfo` (placed when they carry a
    position), copied beside the database as the batch import does.
    Raises :class:`PatrolImportError` naming what is wrong; nothing is written.
    """
    from ..domain.patrol_checklist import checklist_json
    from ..formats.gpx import PatrolFileError, read_patrol_file

    problems: list[str] = []
    code = to_code("inspection_kind", kind) if kind else None
    if code is None:
        problems.append(tr("{kind} is not an inspection kind.").format(kind=kind))
    if not isinstance(inspection_date, dt.date):
        problems.append(tr("A patrol needs its date."))
    mines = list(dict.fromkeys(n.strip() for n in license_nos if n and n.strip()))
    if not mines:
        problems.append(tr("Choose at least one mine the patrol covered."))
    licences = _read_licences(store)
    unknown = [n for n in mines if n not in licences]
    if unknown:
        problems.append(tr("Not in the database: licence(s) {numbers}.").format(numbers=", ".join(unknown)))
    patches = list(dict.fromkeys(p.strip() for p in patch_nos if p and p.strip()))
    if patches:
        source = open_read(store)
        try:
            layer = source.GetLayerByName("patches")
            known_patches = {feature.GetField("patch_no") for feature in layer}
        finally:
            layer = source = None
        missing = [p for p in patches if p not in known_patches]
        if missing:
            problems.append(tr("Not in the database: patch(es) {numbers}.").format(numbers=", ".join(missing)))
    try:
        checklist_text = checklist_json(checklist or {})
    except ValueError as error:
        problems.append(str(error))
    line, route, warnings = None, None, []
    if route_file and route_line is not None:
        problems.append(tr("Give the route either as a file or drawn on the map, not both."))
    elif route_line is not None:  # drawn on the map, already in the database's CRS
        distinct = list(dict.fromkeys(tuple(xy[:2]) for xy in shapely.get_coordinates(route_line).tolist()))
        if len(distinct) < 2:
            problems.append(tr("The drawn route has fewer than two distinct positions."))
        else:
            line = shapely.LineString(distinct)
    if route_file and route_line is None:
        try:
            routes = read_patrol_file(route_file)
        except (PatrolFileError, OSError) as error:
            problems.append(str(error))
            routes = []
        if routes:
            route = routes[0]
            if len(routes) > 1:
                warnings.append(tr("{file} holds {count} routes; the first, {route}, is the patrol's.").format(
                    file=Path(route_file).name, count=len(routes), route=route.name))
            to_store = osr.CoordinateTransformation(spatial_reference(GPS_EPSG), spatial_reference(store.crs_epsg))
            points = to_store.TransformPoints([(p.longitude, p.latitude) for p in route.points])
            distinct = list(dict.fromkeys((x, y) for x, y, *_ in points))
            if len(distinct) < 2:
                problems.append(tr("{file}: the route has fewer than two distinct positions.").format(
                    file=Path(route_file).name))
            else:
                line = shapely.LineString(distinct)
    photos = list(photos)
    for info in photos:
        if not Path(info.path).is_file():
            problems.append(tr("The photo {photo} does not exist.").format(photo=info.path))
    if problems:
        raise PatrolImportError("\n".join([tr("The patrol was not recorded:")] + problems))

    record = {
        "inspection_date": inspection_date,
        "kind": code,
        "inspectors": (inspectors or "").strip() or None,
        "license_no": mines[0],
        "license_nos": mines,
        "matched_by": "manual",
        "finding": (finding or "").strip() or None,
        "result": (result or "").strip() or None,
        "patch_no": LICENCE_SEPARATOR.join(patches) or None,
        "checklist": checklist_text,
        "started_at": route.started_at if route else None,
        "ended_at": route.ended_at if route else None,
        "route_source": route.source if route else ("drawn" if line is not None else None),
        "route_length_m": round(line.length, 1) if line is not None and spatial_reference(
            store.crs_epsg).IsProjected() else None,
        "source_file": Path(route_file).name if route_file else None,
        "geometry": line,
        "photos": 0,
        "warnings": warnings,
    }
    to_store = osr.CoordinateTransformation(spatial_reference(GPS_EPSG), spatial_reference(store.crs_epsg))
    # a shared database without an attachments folder can still record a patrol without photos
    folder = attachments_folder(store) / INSPECTIONS if photos else None
    base = _attachments_base(store) if photos else None
    created_dirs: list[Path] = []
    copied: list[Path] = []
    try:
        with store.transaction() as source:
            layer = source.GetLayerByName(INSPECTIONS)
            feature = ogr.Feature(layer.GetLayerDefn())
            for name in ("inspection_date", "kind", "inspectors", "license_no", "matched_by", "finding", "result",
                         "patch_no", "checklist", "started_at", "ended_at", "route_source", "route_length_m",
                         "source_file"):
                set_field(feature, name, record[name])
            set_field(feature, "license_nos", LICENCE_SEPARATOR.join(mines))
            if line is not None:
                feature.SetGeometry(to_ogr_geometry(line))
            layer.CreateFeature(feature)
            record["fid"] = feature.GetFID()
            photos_layer = source.GetLayerByName(PHOTOS)
            target_dir = folder / str(record["fid"]) if folder is not None else None
            taken: set[Path] = set()
            for info in photos:
                if not target_dir.exists():
                    for parent in reversed([target_dir, *target_dir.parents]):
                        if not parent.exists():
                            parent.mkdir()
                            created_dirs.append(parent)
                original = Path(info.path)
                target = _unique_target(target_dir, original.name, taken)
                shutil.copy2(original, target)
                copied.append(target)
                photo = ogr.Feature(photos_layer.GetLayerDefn())
                set_field(photo, "inspection_id", record["fid"])
                set_field(photo, "photo_path", Path(os.path.relpath(target, base)).as_posix())
                set_field(photo, "source_file", str(original))
                set_field(photo, "taken_at", info.taken_at)
                set_field(photo, "azimuth_deg", info.azimuth_deg)
                if patches:
                    set_field(photo, "patch_no", patches[0])
                if info.located:
                    x, y, *_ = to_store.TransformPoint(info.longitude, info.latitude)
                    photo.SetGeometry(to_ogr_geometry(shapely.Point(x, y)))
                else:
                    warnings.append(tr("Photo {photo} has no GPS position: it is kept, linked to its patrol, but not "
                                       "placed on the map.").format(photo=original))
                photos_layer.CreateFeature(photo)
                record["photos"] += 1
            store.log(source, "record_patrol", INSPECTIONS, str(record["fid"]), {
                "mines": mines, "patches": patches, "photos": record["photos"], "user": current_user()})
    except BaseException:
        for path in copied:
            path.unlink(missing_ok=True)
        for directory in reversed(created_dirs):
            try:
                directory.rmdir()
            except OSError:
                pass
        raise
    return record
