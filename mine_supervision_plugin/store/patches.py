"""Patches in the supervision database: adding them, workflow moves, history, form fields and photos.

Every public function that writes runs in one transaction of the store
(:meth:`SupervisionStore.transaction`): either all of its rows are written
(patches, ``patch_events``, ``audit_log``) or none. History is append-only:
nothing here updates or deletes a ``patch_events`` row; a correction is a new
event naming the corrected one in ``corrects_event``.

Batch transitions apply to the allowed patches and report the refused ones
with their reasons: a county officer closing forty patches wants the
thirty-eight that may be closed closed, and a list of the two that may not.
``all_or_nothing=True`` refuses the whole batch instead when one is refused.
Adding patches is always all or nothing: a partly imported batch, imported
again after a fix, would collide with itself.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import shapely
from osgeo import ogr, osr

from ..domain.dates import to_date as parse_date
from ..domain.polygon_repair import repair_geometry
from ..domain.vocab import chinese_label, label, to_code
from ..domain.workflow import (
    FORM_FIELDS,
    TransitionError,
    check_correction,
    check_transition,
    check_updates,
    current_state,
    determination_of,
    form_value_changed,
)
from ..i18n import tr
from .database import StoreError, SupervisionStore, current_user, reading
from .ogr_util import (
    as_dict,
    feature_by_fid,
    features_by_key,
    features_with,
    json_ready,
    open_read,
    records_with,
    release_ogr_on_error,
    set_field,
    spatial_reference,
    to_ogr_geometry,
    to_shapely,
)
from .schema import DATE, DATETIME, INTEGER, REAL, table
from .versions import ConcurrentEditError, Conflict, conflict_of, lock_rows

ogr.UseExceptions()

PATCHES = "patches"
EVENTS = "patch_events"
PHOTOS = "inspection_photos"
NOTICES = "notices"
LEDGER = "ledger_items"
RIGHTS = "mining_rights"
# EXIF positions are WGS84 latitude/longitude: taken as CGCS2000, which agrees with WGS84 to well under a metre.
GPS_EPSG = 4490

# Fields a new patch may bring along; the workflow fields start empty and state is set here.
_INSERT_FIELDS = tuple(f.name for f in table(PATCHES).fields if f.name not in ("state", "source", *FORM_FIELDS))
_KINDS = {f.name: f.kind for f in table(PATCHES).fields}


class PatchStoreError(StoreError):
    """A refused batch of new patches; ``problems`` name each bad row, ``duplicates`` the clashing numbers."""

    def __init__(self, message: str, problems: list[str] | None = None, duplicates: list[str] | None = None):
        self.problems = list(problems or [])
        self.duplicates = list(duplicates or [])
        super().__init__("\n".join([message, *self.problems]))


@dataclass
class TransitionReport:
    """What a batch transition did: patches moved, and the refused ones with their reasons."""

    done: list[str] = field(default_factory=list)
    refused: dict[str, list[str]] = field(default_factory=dict)
    events: dict[str, int] = field(default_factory=dict)  # patch_no -> fid of its new event
    #: :func:`take_step` only: fids of the photos linked with the step, per patch moved.
    photos: dict[str, list[int]] = field(default_factory=dict)
    #: :func:`take_step` only: what the photos' EXIF tags put in doubt (see :func:`add_patch_photos`).
    warnings: list[str] = field(default_factory=list)
    #: patches refused because another user changed them since they were read (``expected``), with the change.
    conflicts: dict[str, Conflict] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.refused


@dataclass
class AddReport:
    """Patches added (in input order), what was repaired or left empty, and the rows as stored."""

    added: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    records: list[dict] = field(default_factory=list)


# --- helpers -------------------------------------------------------------------


def _features_by_patch_no(layer: ogr.Layer, patch_nos: list[str]) -> dict[str, ogr.Feature]:
    return features_by_key(layer, "patch_no", patch_nos)


def _events_of(layer: ogr.Layer, patch_no: str) -> list[dict]:
    return records_with(layer, "patch_no", patch_no)


def _add_event(
    layer: ogr.Layer,
    patch_no: str,
    from_state: str | None,
    to_state: str,
    user: str,
    reason: str,
    corrects_event: int | None = None,
    when: dt.datetime | None = None,
) -> int:
    feature = ogr.Feature(layer.GetLayerDefn())
    set_field(feature, "patch_no", patch_no)
    set_field(feature, "from_state", from_state)
    set_field(feature, "to_state", to_state)
    set_field(feature, "event_time", when or dt.datetime.now())
    set_field(feature, "user_name", user)
    set_field(feature, "reason", reason)
    set_field(feature, "corrects_event", corrects_event)
    layer.CreateFeature(feature)
    return feature.GetFID()


def _move(
    patches: ogr.Layer,
    events: ogr.Layer,
    patch_no: str,
    feature: ogr.Feature,
    patch: dict,
    target: str,
    updates: dict,
    user: str,
    reason: str,
    *,
    corrects_event: int | None = None,
    when: dt.datetime | None = None,
) -> tuple[str, int]:
    """Write ``updates`` and state ``target`` to a patch, and its event; return (the state left, the event's fid)."""
    from_state = current_state(patch)
    for name, value in updates.items():
        set_field(feature, name, value)
    set_field(feature, "state", target)
    patches.SetFeature(feature)
    fid = _add_event(events, patch_no, from_state, target, user, reason, corrects_event=corrects_event, when=when)
    return from_state, fid


def _step_arguments(
    to_state: str, reason: str | None, updates: Mapping | None, user: str | None
) -> tuple[str, str, dict, str]:
    """The target state code, reason, stored form values and user of a workflow step or correction.

    Raises :class:`TransitionError` for errors of the call itself (unknown
    state, no reason, unknown fields), before anything is read or written.
    """
    target = to_code("patch_state", to_state)
    if target is None:
        raise TransitionError(tr("Unknown workflow state {state}.").format(state=to_state))
    return target, _required_reason(reason), _normalise_updates(updates), user or current_user()


def _required_reason(reason: str | None) -> str:
    if reason is None or not str(reason).strip():
        # Seed 003's full-process record: every move says why.
        raise TransitionError(tr("A reason is required for every workflow step and correction."))
    return str(reason).strip()


def _normalise_updates(updates: Mapping | None) -> dict:
    """Form values as stored: codes for vocabularies, dates for dates, None for blanks."""
    result = {}
    for name, value in dict(updates or {}).items():
        if isinstance(value, str):
            value = value.strip() or None
        if value is not None and name in ("determination", "violation_type"):
            value = to_code(name, value) or value  # an unknown value is kept so the check names it
        elif value is not None and name == "field_check_date":
            value = parse_date(value) or value
        result[name] = value
    unknown = sorted(set(result) - set(FORM_FIELDS))
    if unknown:
        raise TransitionError(
            tr("These fields cannot be set by a workflow step: {fields}.").format(fields=", ".join(unknown))
        )
    return result


def _printable(updates: Mapping) -> dict:
    return {name: json_ready(value) for name, value in updates.items()}


# --- reading ---------------------------------------------------------------------


def _worded_read_errors(function):
    """GDAL's errors while ``function(store, ...)`` reads the store, worded by :func:`.database.reading`."""

    @functools.wraps(function)
    def wrapper(store, *args, **kwargs):
        with reading(store.location):
            return function(store, *args, **kwargs)

    return wrapper


def _patch_record(feature: ogr.Feature) -> dict:
    """A patch's stored fields (with ``fid``) and its geometry as shapely under ``geometry``."""
    record = as_dict(feature)
    record["geometry"] = to_shapely(feature.GetGeometryRef())
    return record


@release_ogr_on_error
@_worded_read_errors
def get_patch(store: SupervisionStore, patch_no: str) -> dict | None:
    """The stored fields of one patch (with ``fid``; geometry as shapely under ``geometry``), or None."""
    source = open_read(store)
    try:
        layer = source.GetLayerByName(PATCHES)
        feature = _features_by_patch_no(layer, [patch_no]).get(patch_no)
        return None if feature is None else _patch_record(feature)
    finally:
        layer = None
        source = None


@release_ogr_on_error
@_worded_read_errors
def get_patches(store: SupervisionStore, patch_nos: Iterable[str]) -> dict[str, dict]:
    """The stored fields of the patches ``patch_nos`` as :func:`get_patch` gives them, read at once; unknown ones left out.

    What a batch passes as ``expected`` to :func:`transition_patches` / :func:`take_step`: the patches as read
    when the batch started, so that one changed meanwhile by another user is refused, not overwritten.
    """
    numbers = list(dict.fromkeys(str(n).strip() for n in patch_nos if n is not None and str(n).strip()))
    source = open_read(store)
    try:
        found = _features_by_patch_no(source.GetLayerByName(PATCHES), numbers)
        return {number: _patch_record(feature) for number, feature in found.items()}
    finally:
        found = None
        source = None


@release_ogr_on_error
@_worded_read_errors
def patch_history(store: SupervisionStore, patch_no: str) -> list[dict]:
    """Every event of a patch in the order written, each with ``corrected_by`` (fid of its correction or None)."""
    source = open_read(store)
    try:
        events = _events_of(source.GetLayerByName(EVENTS), patch_no)
    finally:
        source = None
    corrected_by = {e["corrects_event"]: e["fid"] for e in events if e.get("corrects_event") is not None}
    for event in events:
        event["corrected_by"] = corrected_by.get(event["fid"])
    return events


@release_ogr_on_error
@_worded_read_errors
def next_patch_no(store: SupervisionStore, prefix: str, width: int = 3) -> str:
    """The next free number ``prefix`` + counter (e.g. ``XC2026-004``) for a patch drawn on patrol."""
    source = open_read(store)
    try:
        layer = source.GetLayerByName(PATCHES)
        like = prefix.replace("'", "''").replace("%", "").replace("_", "")
        layer.SetAttributeFilter(f"patch_no LIKE '{like}%'")
        highest = 0
        for feature in layer:
            tail = str(feature.GetField("patch_no"))[len(prefix) :]
            if tail.isdigit():
                highest = max(highest, int(tail))
        layer = None
    finally:
        source = None
    return f"{prefix}{highest + 1:0{width}d}"


# --- the verification form without a workflow step ----------------------------------------


@release_ogr_on_error
def update_patch_fields(
    store: SupervisionStore, patch_no: str, updates: Mapping, *, user: str | None = None,
    expected: Mapping | None = None,
) -> dict:
    """Write verification-form fields of one patch without moving it; return the fields that changed.

    The workflow rules still apply (:func:`~..domain.workflow.check_updates`):
    a determination, once made, is changed only by correcting its event.
    Raises :class:`TransitionError` when a field may not be written (unknown
    field, the determination of a determined patch, no such patch); nothing
    is written then. A save that changes something is one transaction with
    an ``audit_log`` row. ``expected``: the patch as the user read it (e.g.
    :func:`get_patch`); when another user changed it since, the save raises
    :class:`~.versions.ConcurrentEditError` naming that change, and writes nothing.
    """
    values = _normalise_updates(updates)
    user = user or current_user()
    with store.transaction() as source:
        lock_rows(source, PATCHES, "patch_no", [patch_no])
        layer = source.GetLayerByName(PATCHES)
        feature = _features_by_patch_no(layer, [patch_no]).get(patch_no)
        if feature is None:
            raise TransitionError(tr("There is no patch {patch_no} in the database.").format(patch_no=patch_no))
        conflict = conflict_of(source, PATCHES, patch_no, feature, expected)
        if conflict is not None:
            raise ConcurrentEditError([conflict])
        patch = as_dict(feature)
        changed = {name: value for name, value in values.items() if form_value_changed(patch.get(name), value)}
        reasons = check_updates(patch, changed)
        if "notice_no" in changed:
            reasons += _notice_reasons(source, {**patch, **changed})
        if reasons:
            raise TransitionError(reasons)
        if not changed:
            return {}
        for name, value in changed.items():
            set_field(feature, name, value)
        layer.SetFeature(feature)
        detail = {"updates": _printable(changed), "user": user}
        records = _sync_case_records(source, as_dict(feature))
        if records:
            detail["case_records"] = records
        store.log(source, "update", PATCHES, patch_no, detail)
    return changed


@release_ogr_on_error
@_worded_read_errors
def patch_photos(store: SupervisionStore, patch_no: str) -> list[dict]:
    """The ``inspection_photos`` rows linked to a patch, in the order stored."""
    source = open_read(store)
    try:
        return records_with(source.GetLayerByName(PHOTOS), "patch_no", patch_no)
    finally:
        source = None


@release_ogr_on_error
def add_patch_photos(
    store: SupervisionStore,
    patch_no: str,
    paths: Iterable[str],
    *,
    inspection_id: int | None = None,
    note: str | None = None,
    user: str | None = None,
    warnings: list[str] | None = None,
) -> list[int]:
    """Link photo files to a patch as ``inspection_photos`` rows; return the fids of the new rows.

    Paths are stored absolute and the files left where they are; a path
    already linked to the patch, or given twice, is linked once. Each photo's
    EXIF tags give its point (where it was taken), ``taken_at`` and
    ``azimuth_deg`` when it has them; what deserves a second look (no GPS
    position, taken far from the patch or before its after-imagery date) is
    appended to ``warnings``. ``inspection_id`` ties the photos to an
    ``inspections`` row as well. One transaction with an ``audit_log`` row
    when anything is linked.
    """
    user = user or current_user()
    wanted = _photo_paths(paths)
    if not wanted:
        return []
    known = {row.get("photo_path") for row in patch_photos(store, patch_no)}
    patch = get_patch(store, patch_no) or {}
    with store.transaction() as source:
        fids = _link_photos(
            store, source, patch_no, wanted, known, patch, inspection_id=inspection_id, note=note, user=user,
            warnings=warnings,
        )
    return fids


def _photo_paths(paths: Iterable[str] | None) -> list[str]:
    """Absolute paths, each once, in the order given; blanks left out."""
    wanted = []
    for path in paths or ():
        text = os.path.abspath(str(path)) if path else ""
        if text and text not in wanted:
            wanted.append(text)
    return wanted


def _link_photos(
    store: SupervisionStore,
    source: ogr.DataSource,
    patch_no: str,
    wanted: list[str],
    known: set,
    patch: Mapping,
    *,
    inspection_id: int | None = None,
    note: str | None = None,
    user: str,
    warnings: list[str] | None = None,
) -> list[int]:
    """Write the ``inspection_photos`` rows of ``wanted`` (less ``known``) in the caller's transaction."""
    from ..formats.photos import photo_doubts, read_photo_info

    outline = patch.get("geometry")
    projected = bool(spatial_reference(store.crs_epsg).IsProjected())
    to_store = osr.CoordinateTransformation(spatial_reference(GPS_EPSG), spatial_reference(store.crs_epsg))
    fids = []
    layer = source.GetLayerByName(PHOTOS)
    for path in wanted:
        if path in known:
            continue
        info = read_photo_info(path)
        feature = ogr.Feature(layer.GetLayerDefn())
        set_field(feature, "patch_no", patch_no)
        set_field(feature, "photo_path", path)
        set_field(feature, "taken_at", info.taken_at)
        set_field(feature, "azimuth_deg", info.azimuth_deg)
        distance = None
        if info.located:
            point = ogr.Geometry(ogr.wkbPoint)
            point.AddPoint_2D(info.longitude, info.latitude)
            point.Transform(to_store)
            feature.SetGeometry(point)
            if projected and outline is not None and not outline.is_empty:
                distance = float(outline.distance(shapely.Point(point.GetX(), point.GetY())))
        if inspection_id is not None:
            set_field(feature, "inspection_id", int(inspection_id))
        if note:
            set_field(feature, "note", note)
        layer.CreateFeature(feature)
        fids.append(feature.GetFID())
        if warnings is not None:
            warnings += photo_doubts(info, patch_no, distance_m=distance, date_after=patch.get("date_after"))
    if fids:
        detail = {"paths": [p for p in wanted if p not in known], "user": user}
        if inspection_id is not None:
            detail["inspection_id"] = int(inspection_id)
        store.log(source, "add_photos", PHOTOS, patch_no, detail)
    return fids


# --- the case's records: the notice and the ledger item a patch names -----------------------

#: Determinations that make a patch a problem of the ledger (a legal patch is none).
_LEDGER_DETERMINATIONS = ("illegal", "other")


def _notice_reasons(source: ogr.DataSource, patch: Mapping) -> list[str]:
    """Why the notice number of ``patch`` (its fields after the step) cannot be linked to it; empty when it can.

    A notice is addressed to one licence's holder: a number typed for a patch of
    another licence is taken for a typing error rather than linked.
    """
    number = _text(patch.get("notice_no"))
    if number is None:
        return []
    notice = next(iter(features_with(source.GetLayerByName(NOTICES), "notice_no", number)), None)
    if notice is None:
        return []
    theirs, ours = _text(notice.GetField("license_no")), _text(patch.get("license_no"))
    if theirs and ours and theirs != ours:
        return [
            tr("Notice {notice_no} was issued for licence {theirs}, not for this patch's licence {ours}.").format(
                notice_no=number, theirs=theirs, ours=ours
            )
        ]
    return []


def _text(value) -> str | None:
    text = "" if value is None else str(value).strip()
    return text or None


def _ledger_state(state: str) -> str:
    if state == "closed":
        return "closed"
    if state in ("case_filed", "rectifying"):
        return "rectifying"
    return "open"


def _problem_text(patch: Mapping) -> str:
    """The ledger's problem description, in Chinese: the ledger is the bureau's document."""
    violation = _text(patch.get("violation_type"))
    determination = _text(patch.get("determination"))
    prejudgment = _text(patch.get("prejudgment"))
    if violation:
        what = chinese_label("violation_type", violation)
    elif not determination and prejudgment:  # not determined yet: what the pre-judgment suspects
        what = chinese_label("prejudgment", prejudgment)
    else:
        what = chinese_label("determination", determination or "other")
    finding = _text(patch.get("finding"))
    text = f"图斑{patch.get('patch_no')}：{what}"
    return f"{text}（{finding}）" if finding else text


def _sync_case_records(
    source: ogr.DataSource,
    patch: Mapping,
    *,
    rectification_completed: bool = False,
    today: dt.date | None = None,
) -> dict:
    """Create or link the notice a patch names and create or update its ledger item, in the caller's transaction.

    ``patch``: the patch's fields as just written. A notice number typed by
    hand names a notice: a new number creates the ``notices`` row (addressed to
    the patch's licence and holder), a known one is linked to the patch when it
    names none yet. A patch determined illegal or other, or carrying a case or
    notice number, is a problem of the ledger: its ``ledger_items`` row is
    created, then kept up to date (notice, state; closed with rectification
    and penalty done when the patch is closed). What was done is returned, for
    the audit-log row of the caller's step (``case_records``).
    """
    today = today or dt.date.today()
    number = patch.get("patch_no")
    state = current_state(patch)
    licence = _text(patch.get("license_no"))
    notice_no = _text(patch.get("notice_no"))
    done: dict = {}
    if notice_no:
        notices = source.GetLayerByName(NOTICES)
        notice = next(iter(features_with(notices, "notice_no", notice_no)), None)
        if notice is None:
            notice = ogr.Feature(notices.GetLayerDefn())
            holder = None
            if licence:
                right = next(iter(features_with(source.GetLayerByName(RIGHTS), "license_no", licence)), None)
                holder = _text(right.GetField("holder")) if right is not None else None
            for name, value in (
                ("notice_no", notice_no),
                ("license_no", licence),
                ("holder", holder),
                ("patch_no", number),
                ("state", "completed" if state == "closed" else "issued"),
            ):
                set_field(notice, name, value)
            notices.CreateFeature(notice)
            done["notice_created"] = notice_no
        else:
            changed = False
            if _text(notice.GetField("patch_no")) is None:
                set_field(notice, "patch_no", number)
                changed = True
            if licence and _text(notice.GetField("license_no")) is None:
                set_field(notice, "license_no", licence)
                changed = True
            if state == "closed" and _text(notice.GetField("patch_no")) == number and notice.GetField("state") != "completed":
                set_field(notice, "state", "completed")
                changed = True
            if changed:
                notices.SetFeature(notice)
                done["notice_linked"] = notice_no
    problem = (
        determination_of(patch) in _LEDGER_DETERMINATIONS or _text(patch.get("case_no")) or notice_no
    )
    if problem:
        ledger = source.GetLayerByName(LEDGER)
        item = next(iter(features_with(ledger, "patch_no", number)), None)
        created = item is None
        if created:
            item = ogr.Feature(ledger.GetLayerDefn())
            set_field(item, "patch_no", number)
            set_field(item, "found_at", parse_date(patch.get("field_check_date")) or today)
            set_field(item, "rectification_done", False)
            set_field(item, "penalty_done", False)
            _new_ledger_item_fields(item, patch, notice_no, source)
        ledger_state = _ledger_state(state)
        values = {
            "license_no": licence,
            "notice_no": notice_no,
            "problem": _problem_text(patch),
            "state": ledger_state,
        }
        if determination_of(patch) == "illegal" or _text(patch.get("case_no")):
            values["penalty_required"] = True  # known once determined (an item opened by a notice starts without)
        if ledger_state == "closed":
            completed = bool(rectification_completed) or bool(item.GetField("rectification_done"))
            values.update(rectification_done=completed, penalty_done=completed, closed_at=today)
            if completed:  # the dates the ledger reports (schema 6), when not recorded earlier
                values.update(rectified_on=parse_date(item.GetField("rectified_on")) or today,
                              penalized_on=parse_date(item.GetField("penalized_on")) or today)
        else:
            values.update(closed_at=None)
        before = as_dict(item) if not created else {}
        if created or any(form_value_changed(before.get(k), v) for k, v in values.items()):
            for name, value in values.items():
                set_field(item, name, value)
            if created:
                ledger.CreateFeature(item)
                done["ledger_created"] = item.GetFID()
            else:
                ledger.SetFeature(item)
                done["ledger_updated"] = item.GetFID()
    if determination_of(patch) == "illegal":
        from .cases import refresh_transfer  # the seed-003 rule (schema 6), answered when a violation is determined

        if refresh_transfer(source, [number]):
            done["transfer_required"] = True
    return done


def _new_ledger_item_fields(item: ogr.Feature, patch: Mapping, notice_no: str | None, source: ogr.DataSource) -> None:
    """Where a patch's ledger item comes from, its deadline and whether a penalty applies (schema 6)."""
    from ..domain.ledger import default_deadline

    set_field(item, "source_kind", "patch")
    set_field(item, "source_key", patch.get("patch_no"))
    set_field(item, "penalty_required", determination_of(patch) == "illegal" or bool(_text(patch.get("case_no"))))
    deadline = None
    if notice_no:
        notice = next(iter(features_with(source.GetLayerByName(NOTICES), "notice_no", notice_no)), None)
        deadline = parse_date(notice.GetField("deadline")) if notice is not None else None
    found = parse_date(patch.get("field_check_date")) or parse_date(item.GetField("found_at"))
    set_field(item, "deadline", deadline or default_deadline(found))


# --- transitions -------------------------------------------------------------------


@release_ogr_on_error
def transition_patches(
    store: SupervisionStore,
    patch_nos: Iterable[str],
    to_state: str,
    *,
    reason: str,
    user: str | None = None,
    updates: Mapping | None = None,
    rectification_completed: bool = False,
    all_or_nothing: bool = False,
    today: dt.date | None = None,
    expected: Mapping[str, Mapping] | None = None,
) -> TransitionReport:
    """Move the given patches to ``to_state``; each is checked on its own.

    ``updates`` (verification-form and case fields, see ``FORM_FIELDS``) are
    written with the move to every patch that moves, and count for its check.
    Allowed patches move, refused ones are reported (or, with
    ``all_or_nothing``, none moves when one is refused). Raises
    :class:`TransitionError` for errors of the call itself (unknown state,
    no reason, unknown fields), before anything is written. ``expected``:
    per patch number, the patch as the user read it; a patch another user
    changed since is refused (``report.conflicts`` says who changed what).
    """
    target, reason, updates, user = _step_arguments(to_state, reason, updates, user)
    with store.transaction() as source:
        return _transition(
            store, source, patch_nos, target, reason, user, updates, rectification_completed, all_or_nothing, today,
            expected=expected,
        )


@release_ogr_on_error
def take_step(
    store: SupervisionStore,
    patch_nos: Iterable[str],
    to_state: str,
    *,
    reason: str,
    user: str | None = None,
    updates: Mapping | None = None,
    photos: Iterable[str] | None = None,
    rectification_completed: bool = False,
    all_or_nothing: bool = False,
    today: dt.date | None = None,
    expected: Mapping[str, Mapping] | None = None,
) -> TransitionReport:
    """One workflow step, as a user takes it: form fields, the move and the photos, in ONE transaction.

    The use case behind the patches dock's step buttons and the
    ``transitionpatches`` algorithm. The patches are moved as by
    :func:`transition_patches` (``updates`` written with the move, each patch
    checked on its own, refused ones reported); ``photos`` (files) are linked
    to every patch that moves, as by :func:`add_patch_photos`, with the fids
    in ``report.photos`` and the EXIF doubts in ``report.warnings``. When
    anything fails to be written, nothing is: not the fields, not the move,
    not the photos. ``expected``: as for :func:`transition_patches`.
    """
    target, reason, updates, user = _step_arguments(to_state, reason, updates, user)
    wanted = _photo_paths(photos)
    with store.transaction() as source:
        report = _transition(
            store, source, patch_nos, target, reason, user, updates, rectification_completed, all_or_nothing, today,
            expected=expected,
        )
        if wanted and report.done:
            patches = source.GetLayerByName(PATCHES)
            found = _features_by_patch_no(patches, report.done)
            for number in report.done:
                feature = found[number]
                patch = as_dict(feature)
                patch["geometry"] = to_shapely(feature.GetGeometryRef())
                known = {row.get("photo_path") for row in records_with(source.GetLayerByName(PHOTOS), "patch_no", number)}
                report.photos[number] = _link_photos(
                    store, source, number, wanted, known, patch, user=user, warnings=report.warnings
                )
    return report


def _transition(
    store: SupervisionStore,
    source: ogr.DataSource,
    patch_nos: Iterable[str],
    target: str,
    reason: str,
    user: str,
    updates: dict,
    rectification_completed: bool,
    all_or_nothing: bool,
    today: dt.date | None,
    *,
    expected: Mapping[str, Mapping] | None = None,
) -> TransitionReport:
    """The moves of :func:`transition_patches`, in the caller's transaction (arguments already checked)."""
    numbers = list(dict.fromkeys(str(n).strip() for n in patch_nos if n is not None and str(n).strip()))
    report = TransitionReport()
    # A concurrent step on the same patches waits here; what is read next is what it committed.
    lock_rows(source, PATCHES, "patch_no", numbers)
    patches = source.GetLayerByName(PATCHES)
    events = source.GetLayerByName(EVENTS)
    found = _features_by_patch_no(patches, numbers)
    plan = []
    for number in numbers:
        feature = found.get(number)
        if feature is None:
            report.refused[number] = [tr("There is no patch {patch_no} in the database.").format(patch_no=number)]
            continue
        conflict = conflict_of(source, PATCHES, number, feature, (expected or {}).get(number))
        if conflict is not None:
            report.conflicts[number] = conflict
            report.refused[number] = [conflict.message()]
            continue
        patch = as_dict(feature)
        reasons = check_updates(patch, updates)
        reasons += check_transition(
            {**patch, **updates}, target, rectification_completed=rectification_completed, today=today
        )
        reasons += _notice_reasons(source, {**patch, **updates})
        if reasons:
            report.refused[number] = reasons
        else:
            plan.append((number, feature, patch))
    if all_or_nothing and report.refused:
        for number, _feature, _patch in plan:
            report.refused[number] = [tr("Not applied: other patches of the batch were refused.")]
        return report
    now = dt.datetime.now()
    for number, feature, patch in plan:
        from_state, fid = _move(patches, events, number, feature, patch, target, updates, user, reason, when=now)
        detail = {
            "from": from_state,
            "to": target,
            "event": fid,
            "reason": reason,
            "user": user,
            "updates": _printable(updates),
            "rectification_completed": rectification_completed,
        }
        records = _sync_case_records(
            source, as_dict(feature), rectification_completed=rectification_completed, today=today
        )
        if records:
            detail["case_records"] = records
        store.log(source, "transition", PATCHES, number, detail)
        report.done.append(number)
        report.events[number] = fid
    return report


@release_ogr_on_error
def correct_event(
    store: SupervisionStore,
    event_fid: int,
    *,
    to_state: str,
    reason: str,
    user: str | None = None,
    updates: Mapping | None = None,
    rectification_completed: bool = False,
    today: dt.date | None = None,
) -> int:
    """Correct a patch's latest event by a new one leading to ``to_state``; return the new event's fid.

    Going back to the corrected event's ``from_state`` undoes the move (the
    way to reopen a wrongly closed patch or redo a determination); any other
    target must be a move allowed from that state. Raises
    :class:`TransitionError` with the reasons when refused; nothing is written then.
    """
    target, reason, updates, user = _step_arguments(to_state, reason, updates, user)
    with store.transaction() as source:
        events = source.GetLayerByName(EVENTS)
        event_feature = feature_by_fid(events, event_fid)
        if event_feature is None:
            raise TransitionError(tr("There is no workflow event {fid}.").format(fid=event_fid))
        event = as_dict(event_feature)
        number = event["patch_no"]
        lock_rows(source, PATCHES, "patch_no", [number])  # a concurrent correction waits: one of them corrects
        patches = source.GetLayerByName(PATCHES)
        feature = _features_by_patch_no(patches, [number]).get(number)
        if feature is None:
            raise TransitionError(tr("There is no patch {patch_no} in the database.").format(patch_no=number))
        patch = as_dict(feature)
        history = _events_of(events, number)
        latest = history[-1]["fid"] if history else None
        # Determination fields may change when the correction goes back before the determination.
        reasons = check_updates({**patch, "state": target}, updates)
        reasons += check_correction(
            {**patch, **updates}, event, latest, target, rectification_completed=rectification_completed, today=today
        )
        reasons += _notice_reasons(source, {**patch, **updates})
        if reasons:
            raise TransitionError(reasons)
        from_state, fid = _move(
            patches, events, number, feature, patch, target, updates, user, reason, corrects_event=int(event_fid)
        )
        detail = {
            "corrects_event": int(event_fid),
            "from": from_state,
            "to": target,
            "event": fid,
            "reason": reason,
            "user": user,
            "updates": _printable(updates),
        }
        records = _sync_case_records(
            source, as_dict(feature), rectification_completed=rectification_completed, today=today
        )
        if records:
            detail["case_records"] = records
        store.log(source, "correct", EVENTS, number, detail)
    return fid


# --- adding patches -------------------------------------------------------------------


def _records_of(frame_or_records, store_epsg: int, crs_epsg: int | None) -> tuple[list[dict], int]:
    """Plain dicts with a shapely ``geometry``, and the EPSG code they are in."""
    if hasattr(frame_or_records, "geometry") and hasattr(frame_or_records, "to_dict"):
        frame = frame_or_records
        epsg = crs_epsg
        if epsg is None and frame.crs is not None:
            epsg = frame.crs.to_epsg()
            if epsg is None:
                raise PatchStoreError(
                    tr("The CRS of the patches ({crs}) has no EPSG code; reproject them first.").format(
                        crs=frame.crs.name
                    )
                )
        geometry_column = frame.geometry.name
        records = []
        for record in frame.to_dict("records"):
            record["geometry"] = record.pop(geometry_column, None)
            records.append(record)
        return records, epsg or store_epsg
    records = [dict(r) for r in frame_or_records]
    return records, crs_epsg or store_epsg


def _missing(value) -> bool:
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    try:
        import pandas as pd

        return bool(pd.isna(value)) if not isinstance(value, (str, bytes, list, tuple, dict)) else False
    except (ImportError, TypeError, ValueError):
        return False


def _convert(name: str, value, where: str, problems: list[str]):
    """A record value as the schema stores it; a problem is noted when it cannot be."""
    if _missing(value):
        return None
    kind = _KINDS[name]
    try:
        if kind in (DATE, DATETIME):
            parsed = parse_date(value)
            if parsed is None:
                raise ValueError(value)
            return parsed
        if kind == INTEGER:
            number = float(value)
            if not number.is_integer():
                raise ValueError(value)
            return int(number)
        if kind == REAL:
            return float(value)
    except (TypeError, ValueError):
        problems.append(
            tr("{where}: {field} value {value} cannot be read.").format(where=where, field=name, value=value)
        )
        return None
    text = str(value).strip()
    if isinstance(value, float) and value.is_integer():
        text = str(int(value))
    return text or None


@release_ogr_on_error
def add_patches(
    store: SupervisionStore,
    frame_or_records,
    *,
    source: str,
    crs_epsg: int | None = None,
    year: int | None = None,
    batch: str | None = None,
    reason: str | None = None,
    user: str | None = None,
    reader_warned: bool = False,
) -> AddReport:
    """Insert new patches in state ``issued``, each with its ``issued`` event; all or nothing.

    ``frame_or_records``: a GeoDataFrame (e.g. from ``read_patch_batch``) or
    dicts with the ``patches`` fields and a shapely ``geometry`` (a patch drawn
    on patrol is one such dict with ``source="patrol"``). Geometries are
    reprojected to the store's CRS (from the frame's CRS or ``crs_epsg``),
    repaired and made MultiPolygons; a patch without geometry is stored
    without one and named in the warnings. ``remarks`` are stored with the
    patch and repeated in the reason of its ``issued`` event. ``year`` defaults
    to the record's, else the year of ``date_after``, else this year.
    ``reader_warned``: the records come from :func:`~..formats.patch_batches.read_patch_batch`,
    whose warnings already name every patch left without geometry (and why):
    those patches are not named a second time.

    Raises :class:`PatchStoreError` naming every missing patch number,
    unreadable value and duplicate number (within the batch or already
    stored); nothing is written then.
    """
    source_code = to_code("patch_source", source)
    if source_code is None:
        raise PatchStoreError(tr("Unknown patch source {source}.").format(source=source))
    records, epsg = _records_of(frame_or_records, store.crs_epsg, crs_epsg)
    transform = None
    if epsg != store.crs_epsg:
        transform = osr.CoordinateTransformation(spatial_reference(epsg), spatial_reference(store.crs_epsg))
    projected = bool(spatial_reference(store.crs_epsg).IsProjected())
    user = user or current_user()
    base_reason = (reason or "").strip() or tr("Issued ({source})").format(source=label("patch_source", source_code))

    report = AddReport()
    problems: list[str] = []
    rows: list[tuple[dict, str]] = []
    seen: dict[str, int] = {}
    duplicates: list[str] = []
    for index, record in enumerate(records, start=1):
        row = record.get("source_row") if not _missing(record.get("source_row")) else index
        patch_no = _convert("patch_no", record.get("patch_no"), "", [])
        where = (
            tr("row {row} (patch {patch_no})").format(row=row, patch_no=patch_no)
            if patch_no
            else tr("row {row} (no patch number)").format(row=row)
        )
        if not patch_no:
            problems.append(tr("{where}: the patch number is missing.").format(where=where))
        elif patch_no in seen:
            if patch_no not in duplicates:
                duplicates.append(patch_no)
        else:
            seen[patch_no] = row
        stored = {name: _convert(name, record.get(name), where, problems) for name in _INSERT_FIELDS if name in record}
        stored["patch_no"] = patch_no
        geometry = record.get("geometry")
        if isinstance(geometry, str):
            geometry = shapely.from_wkt(geometry)
        if _missing(geometry):
            geometry = None
        if geometry is not None and transform is not None and not geometry.is_empty:
            reference = to_ogr_geometry(geometry)
            reference.Transform(transform)
            geometry = to_shapely(reference)
        if geometry is not None or not reader_warned:
            geometry, notes = repair_geometry(geometry, where)
            report.warnings += notes
        if stored.get("area_m2") is None and geometry is not None and projected:
            stored["area_m2"] = float(geometry.area)
        if batch:
            stored["batch"] = batch
        stored["year"] = (
            year
            or stored.get("year")
            or (stored["date_after"].year if stored.get("date_after") else dt.date.today().year)
        )
        stored["source"] = source_code
        stored["state"] = "issued"
        stored["geometry"] = geometry
        remarks = None if _missing(record.get("remarks")) else str(record.get("remarks")).strip()
        rows.append((stored, f"{base_reason}; {remarks}" if remarks else base_reason))

    with store.transaction() as connection:
        patches = connection.GetLayerByName(PATCHES)
        events = connection.GetLayerByName(EVENTS)
        existing = _features_by_patch_no(patches, list(seen))
        duplicates += [n for n in existing if n not in duplicates]
        if duplicates:
            raise PatchStoreError(
                tr(
                    "Nothing was imported: these patch numbers are repeated in the batch or already stored: {numbers}."
                ).format(numbers=", ".join(duplicates)),
                problems,
                duplicates,
            )
        if problems:
            raise PatchStoreError(tr("Nothing was imported: the batch has problems to fix first."), problems)
        now = dt.datetime.now()
        definition = patches.GetLayerDefn()
        for stored, event_reason in rows:
            feature = ogr.Feature(definition)
            for name, value in stored.items():
                if name != "geometry":
                    set_field(feature, name, value)
            if stored["geometry"] is not None:
                feature.SetGeometry(to_ogr_geometry(stored["geometry"]))
            patches.CreateFeature(feature)
            _add_event(events, stored["patch_no"], None, "issued", user, event_reason, when=now)
            store.log(connection, "add", PATCHES, stored["patch_no"], {"source": source_code, "reason": event_reason})
            report.added.append(stored["patch_no"])
            report.records.append({**stored, "fid": feature.GetFID()})
    return report
