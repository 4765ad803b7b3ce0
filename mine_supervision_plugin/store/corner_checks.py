"""Boundary-corner checks (拐点核查) in the supervision database.

:func:`record_corner_check` writes one check of a licence's corner, attached
to a patrol: an existing ``inspections`` row that covers the mine, or a new
one written in the same transaction. The deviation is judged by
:mod:`..domain.corner_checks` against the tolerance (the
``CORNER_TOLERANCE_M`` setting unless given); a measured point too far away
to be a real deviation is refused unless the user confirms it, and is then
stored unjudged (``passed`` NULL). The check's point is the measured
position (the licensed corner when nothing was measured). Its photo is
copied into ``<database>_attachments/corner_checks/<check id>/`` and linked
by a path relative to the database's folder, as patrol photos are.

Coordinates are in the database's CRS: ``*_x`` the northing, ``*_y`` the
easting (the schema's 证载X(北) convention).
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from osgeo import ogr

from .. import settings
from ..domain import corner_checks as rule
from ..domain.vocab import to_code
from ..i18n import tr
from .database import StoreError, SupervisionStore, current_user
from .inspections import _attachments_base, attachments_folder, patrol_mines
from .ogr_util import as_dict, feature_by_fid, open_read, quote, set_field

CHECKS, CORNERS, INSPECTIONS, RIGHTS = "corner_checks", "mining_right_corners", "inspections", "mining_rights"
MATCHED_BY_HAND = "manual"


class CornerCheckError(StoreError):
    """A check that cannot be recorded, worded for the user; nothing was written."""


@dataclass
class RecordedCheck:
    """What :func:`record_corner_check` wrote."""

    fid: int
    inspection_id: int
    new_patrol: bool
    verdict: rule.Verdict
    #: corner checks of this mine in the patrol, this one included
    checks_in_patrol: int
    photo_path: str | None = None

    @property
    def short_of_corners(self) -> bool:
        return rule.short_of_corners(self.checks_in_patrol)


# --- reading ------------------------------------------------------------------------------------


def _rows(store: SupervisionStore, table: str, where: str | None = None, *, geometry: bool = False) -> list[dict]:
    source = open_read(store)
    try:
        layer = source.GetLayerByName(table)
        layer.SetAttributeFilter(where)
        rows = []
        for feature in layer:
            record = as_dict(feature)
            if geometry:
                reference = feature.GetGeometryRef()
                record["_point"] = (reference.GetY(), reference.GetX()) if reference is not None else None
            rows.append(record)
    finally:
        layer = source = None
    return rows


def licence_choices(store: SupervisionStore) -> list[tuple[str, str]]:
    """(licence number, mine name) of every licence, sorted by number."""
    rows = _rows(store, RIGHTS)
    return sorted((row["license_no"], row.get("mine_name") or "") for row in rows if row.get("license_no"))


def licence_corners(store: SupervisionStore, license_no: str) -> list[dict]:
    """The numbered corners of a licence: fid, parcel_no, ring_no, corner_no, ``north``, ``east`` (database CRS)."""
    corners = []
    for row in _rows(store, CORNERS, f"license_no = {quote(license_no)}", geometry=True):
        point = row.pop("_point")
        north, east = point if point is not None else (row.get("x"), row.get("y"))
        if north is None or east is None:
            continue
        corners.append({**row, "north": north, "east": east})
    corners.sort(key=lambda c: (str(c.get("parcel_no") or ""), c.get("ring_no") or 1, c.get("corner_no") or 0))
    return corners


def corner_checks_of(store: SupervisionStore, license_no: str) -> list[dict]:
    """Every corner check of a licence, oldest first (the rows as stored)."""
    rows = _rows(store, CHECKS, f"license_no = {quote(license_no)}")
    return sorted(rows, key=lambda r: (r.get("checked_at") or dt.datetime.min, r["fid"]))


def patrols_of(store: SupervisionStore, license_no: str) -> list[dict]:
    """The patrols covering a licence, latest first, each with ``corner_checks``: its checks of this licence."""
    like = quote(f"%{license_no}%")
    rows = [
        row for row in _rows(store, INSPECTIONS, f"license_no = {quote(license_no)} OR license_nos LIKE {like}")
        if license_no in patrol_mines(row)
    ]
    counts: dict[int, int] = {}
    for check in _rows(store, CHECKS, f"license_no = {quote(license_no)}"):
        if check.get("inspection_id") is not None:
            counts[check["inspection_id"]] = counts.get(check["inspection_id"], 0) + 1
    for row in rows:
        row["corner_checks"] = counts.get(row["fid"], 0)
        row["short_of_corners"] = rule.short_of_corners(row["corner_checks"])
    return sorted(rows, key=lambda r: (r.get("inspection_date") or dt.date.min, r["fid"]), reverse=True)


def patrols_of_patch(store: SupervisionStore, patch_no: str) -> list[dict]:
    """The patrols and field checks that looked at a patch (its number among their ``patch_no``), latest first."""
    like = quote(f"%{patch_no}%")
    rows = [
        row for row in _rows(store, INSPECTIONS, f"patch_no LIKE {like}")
        if patch_no in [part.strip() for part in str(row.get("patch_no") or "").split(",")]
    ]
    return sorted(rows, key=lambda r: (r.get("inspection_date") or dt.date.min, r["fid"]), reverse=True)


# --- writing ------------------------------------------------------------------------------------


def _find_corner(source: ogr.DataSource, license_no: str, corner_no: int, parcel_no: str | None) -> dict:
    layer = source.GetLayerByName(CORNERS)
    where = f"license_no = {quote(license_no)} AND corner_no = {int(corner_no)}"
    if parcel_no:
        where += f" AND parcel_no = {quote(parcel_no)}"
    layer.SetAttributeFilter(where)
    found = []
    for feature in layer:
        record = as_dict(feature)
        reference = feature.GetGeometryRef()
        if reference is not None:
            record["north"], record["east"] = reference.GetY(), reference.GetX()
        else:
            record["north"], record["east"] = record.get("x"), record.get("y")
        found.append(record)
    layer.SetAttributeFilter(None)
    if not found:
        raise CornerCheckError(
            tr("Licence {licence} has no corner {corner}{parcel}.").format(
                licence=license_no, corner=corner_no,
                parcel=tr(" in parcel {parcel}").format(parcel=parcel_no) if parcel_no else "")
        )
    return sorted(found, key=lambda r: (r.get("ring_no") or 1, r["fid"]))[0]


def _patrol(source: ogr.DataSource, inspection_id: int, license_no: str) -> dict:
    layer = source.GetLayerByName(INSPECTIONS)
    feature = feature_by_fid(layer, inspection_id)  # PostgreSQL's driver raises where a GeoPackage gives None
    if feature is None:
        raise CornerCheckError(tr("Patrol {id} is not in the database.").format(id=inspection_id))
    record = as_dict(feature)
    if license_no not in patrol_mines(record):
        raise CornerCheckError(
            tr("Patrol {id} ({date}) does not cover licence {licence}.").format(
                id=inspection_id, date=record.get("inspection_date") or "?", licence=license_no)
        )
    return record


def _new_patrol(source: ogr.DataSource, license_no: str, patrol: dict) -> int:
    kind = to_code("inspection_kind", patrol.get("kind") or "patrol")
    if kind is None:
        raise CornerCheckError(tr("{kind} is not an inspection kind.").format(kind=patrol.get("kind")))
    day = patrol.get("inspection_date")
    if not isinstance(day, dt.date):
        raise CornerCheckError(tr("A new patrol needs its date."))
    layer = source.GetLayerByName(INSPECTIONS)
    feature = ogr.Feature(layer.GetLayerDefn())
    set_field(feature, "inspection_date", day)
    set_field(feature, "kind", kind)
    set_field(feature, "inspectors", (patrol.get("inspectors") or "").strip() or None)
    set_field(feature, "license_no", license_no)
    set_field(feature, "license_nos", license_no)
    set_field(feature, "matched_by", MATCHED_BY_HAND)
    set_field(feature, "finding", (patrol.get("finding") or "").strip() or None)
    layer.CreateFeature(feature)
    return feature.GetFID()


def _count_checks(source: ogr.DataSource, inspection_id: int, license_no: str) -> int:
    layer = source.GetLayerByName(CHECKS)
    layer.SetAttributeFilter(f"inspection_id = {int(inspection_id)} AND license_no = {quote(license_no)}")
    count = sum(1 for _ in layer)
    layer.SetAttributeFilter(None)
    return count


def record_corner_check(
    store: SupervisionStore,
    license_no: str,
    corner_no: int,
    *,
    parcel_no: str | None = None,
    measured: tuple[float, float] | None = None,
    stake_state: str | None = None,
    note: str | None = None,
    photo: str | os.PathLike | None = None,
    inspection_id: int | None = None,
    new_patrol: dict | None = None,
    tolerance_m: float | None = None,
    checked_at: dt.datetime | None = None,
    accept_implausible: bool = False,
) -> RecordedCheck:
    """Record one corner check in one transaction; see the module.

    ``measured`` is (north, east) in the database CRS, None when the stake
    could not be measured. Give ``inspection_id`` (a patrol covering the mine)
    or ``new_patrol`` (``inspection_date``, ``kind``, ``inspectors``,
    ``finding``). Raises :class:`CornerCheckError`, nothing written, when
    the licence, corner or patrol is unknown, the stake state is not one,
    the photo is missing, or the point is implausibly far and not accepted.
    """
    tolerance = float(tolerance_m if tolerance_m is not None else settings.CORNER_TOLERANCE_M.value())
    if not tolerance > 0:
        raise CornerCheckError(tr("The corner tolerance must be more than 0 m."))
    if (inspection_id is None) == (new_patrol is None):
        raise CornerCheckError(tr("Attach the corner check to one patrol: an existing one or a new one."))
    stake = None
    if stake_state not in (None, ""):
        stake = to_code("stake_state", stake_state)
        if stake is None:
            raise CornerCheckError(tr("{state} is not a stake state (完好, 损毁, 缺失).").format(state=stake_state))
    photo_file = Path(photo) if photo else None
    if photo_file is not None and not photo_file.is_file():
        raise CornerCheckError(tr("The photo {photo} does not exist.").format(photo=photo_file))
    checked_at = checked_at or dt.datetime.now().replace(microsecond=0)

    copied: list[Path] = []
    created: list[Path] = []
    try:
        with store.transaction() as source:
            corner = _find_corner(source, license_no, corner_no, parcel_no)
            licensed = (corner["north"], corner["east"])
            if measured is not None:
                measured = (float(measured[0]), float(measured[1]))
            verdict = rule.judge(licensed, measured, tolerance)
            if verdict.outcome == rule.IMPLAUSIBLE and not accept_implausible:
                raise CornerCheckError(verdict.text())
            if inspection_id is not None:
                _patrol(source, inspection_id, license_no)
                patrol_id, is_new = int(inspection_id), False
            else:
                patrol_id, is_new = _new_patrol(source, license_no, new_patrol), True
            layer = source.GetLayerByName(CHECKS)
            feature = ogr.Feature(layer.GetLayerDefn())
            values = {
                "inspection_id": patrol_id,
                "license_no": license_no,
                "parcel_no": corner.get("parcel_no"),
                "corner_no": int(corner["corner_no"]),
                "licensed_x": round(licensed[0], 3),
                "licensed_y": round(licensed[1], 3),
                "measured_x": measured[0] if measured else None,
                "measured_y": measured[1] if measured else None,
                "deviation_m": verdict.deviation_m,
                "stake_state": stake,
                "passed": verdict.passed,
                "checked_at": checked_at,
                "note": (note or "").strip() or None,
            }
            for name, value in values.items():
                set_field(feature, name, value)
            point = ogr.Geometry(ogr.wkbPoint)
            north, east = measured if measured else licensed
            point.AddPoint_2D(east, north)
            feature.SetGeometry(point)
            layer.CreateFeature(feature)
            fid = feature.GetFID()
            stored_photo = None
            if photo_file is not None:
                folder = attachments_folder(store) / CHECKS / str(fid)
                for parent in reversed([folder, *folder.parents]):
                    if not parent.exists():
                        parent.mkdir()
                        created.append(parent)
                target = folder / photo_file.name
                shutil.copy2(photo_file, target)
                copied.append(target)
                stored_photo = Path(os.path.relpath(target, _attachments_base(store))).as_posix()
                feature = layer.GetFeature(fid)
                set_field(feature, "photo_path", stored_photo)
                layer.SetFeature(feature)
            count = _count_checks(source, patrol_id, license_no)
            store.log(source, "corner_check", CHECKS, license_no, {
                "corner_no": values["corner_no"], "parcel_no": values["parcel_no"], "inspection_id": patrol_id,
                "new_patrol": is_new, "deviation_m": verdict.deviation_m, "outcome": verdict.outcome,
                "tolerance_m": tolerance, "user": current_user(),
            })
    except BaseException:
        for path in copied:
            path.unlink(missing_ok=True)
        for folder in reversed(created):
            try:
                folder.rmdir()
            except OSError:
                pass
        raise
    return RecordedCheck(fid, patrol_id, is_new, verdict, count, stored_photo)


__all__ = [
    "CornerCheckError",
    "RecordedCheck",
    "corner_checks_of",
    "licence_choices",
    "licence_corners",
    "patrols_of",
    "record_corner_check",
]
