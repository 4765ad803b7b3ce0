"""Check out one county of a shared (PostGIS) database into a GeoPackage for field work, and check it back in.

Field staff work offline: :func:`check_out` copies a county's licences, patches
and everything attached to them (corners, workflow log, patrols, photos, corner
checks, surveys, notices, ledger items) into a new GeoPackage supervision
database, keeping every row's fid and a snapshot of its values as read on both
sides (table ``ms_checkout_base``). :func:`check_in` merges the copy back in one
server transaction, field by field against that snapshot: a field changed only
in the copy is written, a field changed on both sides to different values is a
conflict listed for the user (the server keeps its value), rows made in the copy
are added (the workflow log of both sides stays in time order), and rows deleted
in the copy are listed, never deleted on the server. A copy is checked in once:
the server records each checkout and refuses a second check-in in words.

The conflicts of a check-in are kept with its checkout record on the server
(the field copy's value, the server's, who changed each side and when), so that
nothing of the copy is lost: :func:`open_conflicts` lists those still open and
:func:`resolve_conflicts` applies the user's choice per conflict in one
transaction (the copy's value written with the optimistic version check and the
workflow rules, or the server's kept), each choice in the audit log and in the
checkout record, so resolving twice changes nothing.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from osgeo import ogr

from ..i18n import tr
from .database import (
    GEOMETRY_COLUMN,
    StoreError,
    SupervisionStore,
    _read_meta,
    _write_meta,
    create_database,
    current_user,
    open_database,
    redact_password,
)
from .ogr_util import as_dict, feature_by_fid, json_ready, open_read, quote, set_field

BASE_TABLE = "ms_checkout_base"

#: What a county's copy holds: table → how its rows belong to the county.
#: ``county``: its own county_code; ``licence``/``patch``: by the licence or patch numbers checked out;
#: ``inspection``: by the patrols checked out; ``all``: reference data copied whole, never merged back.
SCOPE: tuple[tuple[str, str], ...] = (
    ("mining_rights", "county"),
    ("patches", "county"),
    ("mining_right_parcels", "licence"),
    ("mining_right_corners", "licence"),
    ("patch_events", "patch"),
    ("inspections", "licence_or_patch"),
    ("inspection_photos", "inspection"),
    ("corner_checks", "licence"),
    ("survey_extents", "licence"),
    ("notices", "licence_or_patch"),
    ("ledger_items", "licence_or_patch"),
    ("monitoring_zones", "all"),
)
#: The natural key of tables whose key is unique: a row added in the copy whose key the server has meanwhile
#: is a conflict, not an error that stops the check-in.
_UNIQUE_KEYS = {"mining_rights": "license_no", "patches": "patch_no", "notices": "notice_no"}
#: Tables holding a licence's boundary: their geometry follows its corners, never a copy's value alone.
_BOUNDARY_TABLES = ("mining_rights", "mining_right_parcels", "mining_right_corners")
#: Tables whose rows refer to a patrol by its fid (renumbered when a new patrol is added on the server).
_INSPECTION_CHILDREN = ("inspection_photos", "corner_checks")


@dataclass
class CheckoutReport:
    """What a checkout copied."""

    checkout_id: str
    path: str
    counts: dict[str, int] = field(default_factory=dict)


#: The two values of a conflict of keys (a row added in the copy whose key the server has meanwhile added too), kept
#: as they are in the checkout record and worded in the reader's language when shown (:func:`conflict_value_text`).
ADDED_IN_COPY, ADDED_ON_SERVER = "added in the copy", "added on the server"


def conflict_value_text(value) -> str:
    """A conflict's value for a reader: the added-row markers in the interface language, the others as they are."""
    if value == ADDED_IN_COPY:
        return tr("added in the copy")
    if value == ADDED_ON_SERVER:
        return tr("added on the server")
    return str(value)


@dataclass
class Conflict:
    """A field both sides changed differently since the checkout (the server kept its value)."""

    table: str
    fid: int
    key: str
    field: str
    base: object
    local: object
    server: object

    def describe(self) -> str:
        return tr("{table} {key}: {field} was {base}; changed to {local} in the copy and to {server} on the server").format(
            table=self.table, key=self.key, field=self.field, base=self.base, local=conflict_value_text(self.local),
            server=conflict_value_text(self.server)
        )


@dataclass
class CheckinReport:
    """What a check-in merged, added and left for the user."""

    updated: dict[str, int] = field(default_factory=dict)
    added: dict[str, int] = field(default_factory=dict)
    conflicts: list[Conflict] = field(default_factory=list)
    deleted_in_copy: list[str] = field(default_factory=list)
    #: the checkout the copy came from: its conflicts are kept under it (see :func:`open_conflicts`)
    checkout_id: str = ""


def _values(feature: ogr.Feature) -> dict:
    """A row's values comparable across stores: fields as JSON-ready values, the geometry as WKT."""
    record = {name: json_ready(value) for name, value in as_dict(feature).items() if name != "fid"}
    geometry = feature.GetGeometryRef()
    record[GEOMETRY_COLUMN] = geometry.ExportToIsoWkt() if geometry is not None else None
    return record


def _key(table: str, record: dict, fid: int) -> str:
    for name in ("patch_no", "license_no", "notice_no", "name"):
        if record.get(name):
            return f"{record[name]} (fid {fid})" if table not in ("mining_rights", "patches") else str(record[name])
    return f"fid {fid}"


def _in_filter(name: str, values: set) -> str | None:
    if not values:
        return None
    return f'"{name}" IN ({",".join(quote(v) for v in sorted(values))})'


def _selection(table: str, rule: str, county: str, licences: set, patches: set, inspections: set) -> str | None:
    """The attribute filter of ``table``'s rows that belong to the checkout; ``None`` means none of them."""
    if rule == "all":
        return ""
    if rule == "county":
        return f'"county_code" = {quote(county)}'
    if rule == "licence":
        return _in_filter("license_no", licences)
    if rule == "patch":
        return _in_filter("patch_no", patches)
    if rule == "inspection":
        return f'"inspection_id" IN ({",".join(str(int(fid)) for fid in sorted(inspections))})' if inspections else None
    parts = [part for part in (_in_filter("license_no", licences), _in_filter("patch_no", patches)) if part]
    return " OR ".join(f"({part})" for part in parts) if parts else None


def check_out(server: SupervisionStore, county_code: str, target: str | Path) -> CheckoutReport:
    """Copy county ``county_code`` of ``server`` into a new GeoPackage ``target`` and record the checkout on the server."""
    county_code = str(county_code).strip()
    if not county_code:
        raise StoreError(tr("Choose the administrative code of the county to check out."))
    path = create_database(target, server.crs_epsg)
    try:
        local = open_database(path)
        checkout_id = uuid.uuid4().hex
        report = CheckoutReport(checkout_id, path)
        snapshot: list[tuple[str, int, str, str]] = []
        source = open_read(server)
        try:
            licences: set = set()
            patches: set = set()
            inspections: set = set()
            with local.transaction() as copy:
                base = copy.CreateLayer(BASE_TABLE, geom_type=ogr.wkbNone, options=["FID=fid"])
                for name in ("table_name", "values_local", "values_server"):
                    base.CreateField(ogr.FieldDefn(name, ogr.OFTString))
                base.CreateField(ogr.FieldDefn("row_fid", ogr.OFTInteger64))
                for table, rule in SCOPE:
                    selection = _selection(table, rule, county_code, licences, patches, inspections)
                    if selection is None:
                        report.counts[table] = 0
                        continue
                    layer = source.GetLayerByName(table)
                    layer.SetAttributeFilter(selection or None)
                    target_layer = copy.GetLayerByName(table)
                    count = 0
                    for feature in layer:
                        row = ogr.Feature(target_layer.GetLayerDefn())
                        row.SetFrom(feature)
                        row.SetFID(feature.GetFID())
                        target_layer.CreateFeature(row)
                        server_values = _values(feature)
                        if table == "mining_rights" and server_values.get("license_no"):
                            licences.add(server_values["license_no"])
                        elif table == "patches" and server_values.get("patch_no"):
                            patches.add(server_values["patch_no"])
                        elif table == "inspections":
                            inspections.add(feature.GetFID())
                        snapshot.append((table, feature.GetFID(), json.dumps(server_values, ensure_ascii=False), ""))
                        count += 1
                    layer.SetAttributeFilter(None)
                    report.counts[table] = count
                # the copy's own reading of each row (dates, numbers as the GeoPackage gives them back)
                for table, fid, server_values, _ in snapshot:
                    stored = copy.GetLayerByName(table).GetFeature(fid)
                    record = ogr.Feature(base.GetLayerDefn())
                    record.SetField("table_name", table)
                    record.SetField("row_fid", fid)
                    record.SetField("values_server", server_values)
                    record.SetField("values_local", json.dumps(_values(stored), ensure_ascii=False))
                    base.CreateFeature(record)
                _write_meta(
                    copy,
                    {
                        "checkout_id": checkout_id,
                        "checkout_county": county_code,
                        "checkout_from": redact_password(server.location),
                        "checkout_at": dt.datetime.now().isoformat(timespec="seconds"),
                    },
                )
                local.log(copy, "checkout", "", county_code, {"checkout_id": checkout_id, "counts": report.counts})
        finally:
            source = None
        with server.transaction() as shared:
            _write_meta(
                shared,
                {
                    f"checkout:{checkout_id}": json.dumps(
                        {"county": county_code, "user": current_user(), "at": dt.datetime.now().isoformat(timespec="seconds"),
                         "state": "out", "copy": Path(path).name},
                        ensure_ascii=False,
                    )
                },
            )
            server.log(shared, "checkout", "", county_code, {"checkout_id": checkout_id, "counts": report.counts})
    except BaseException:
        # a copy the server never recorded (refused, cancelled, cut off) is no copy: not left behind to be used;
        # GDAL closes (and writes) the copy when the last reference to it goes, so they go first
        copy = base = layer = target_layer = row = feature = stored = record = source = None  # noqa: F841
        for leftover in (Path(path), Path(f"{path}-wal"), Path(f"{path}-shm"), Path(f"{path}-journal")):
            with contextlib.suppress(OSError):
                leftover.unlink(missing_ok=True)
        raise
    return report


def _base(copy: ogr.DataSource) -> dict[tuple[str, int], tuple[dict, dict]]:
    layer = copy.GetLayerByName(BASE_TABLE)
    if layer is None:
        return {}
    rows = {
        (feature.GetField("table_name"), feature.GetField("row_fid")): (
            json.loads(feature.GetField("values_local")),
            json.loads(feature.GetField("values_server")),
        )
        for feature in layer
    }
    layer.ResetReading()
    return rows


def _apply(feature: ogr.Feature, name: str, local: ogr.Feature) -> None:
    if name == GEOMETRY_COLUMN:
        geometry = local.GetGeometryRef()
        feature.SetGeometry(geometry.Clone() if geometry is not None else None)
    else:
        index = local.GetFieldIndex(name)
        if index < 0 or not local.IsFieldSetAndNotNull(index):
            feature.SetFieldNull(name)
        else:
            set_field(feature, name, as_dict(local)[name])


def check_in(copy_store: SupervisionStore, server: SupervisionStore) -> CheckinReport:
    """Merge the checked-out GeoPackage ``copy_store`` back into ``server`` (one server transaction)."""
    copy = open_read(copy_store)
    try:
        meta = _read_meta(copy)
        checkout_id = meta.get("checkout_id")
        if not checkout_id:
            raise StoreError(tr("{path} is not a checked-out copy of a shared database.").format(path=copy_store.location))
        base = _base(copy)
        report = CheckinReport(checkout_id=checkout_id)
        with server.transaction() as shared:
            recorded = _read_meta(shared).get(f"checkout:{checkout_id}")
            if recorded is None:
                raise StoreError(
                    tr("{path} was not checked out of this database (its checkout is unknown here); nothing was written.").format(
                        path=copy_store.location
                    )
                )
            state = json.loads(recorded)
            if state.get("state") != "out":
                raise StoreError(
                    tr(
                        "{path} was already checked in on {when} by {user}; checking it in again would apply its changes "
                        "twice. Nothing was written. Check out a new copy."
                    ).format(path=copy_store.location, when=state.get("checked_in_at", "?"), user=state.get("checked_in_by", "?"))
                )
            new_inspection_fids: dict[int, int] = {}
            for table, rule in SCOPE:
                if rule == "all":
                    continue
                _merge_table(copy, shared, table, base, report, new_inspection_fids)
            state.update(
                {"state": "in", "checked_in_at": dt.datetime.now().isoformat(timespec="seconds"), "checked_in_by": current_user(),
                 "conflicts": len(report.conflicts),
                 # kept for the user to resolve later: the copy's value is nowhere else on the server
                 "conflict_rows": [_conflict_record(number, conflict, shared, copy)
                                   for number, conflict in enumerate(report.conflicts, start=1)]}
            )
            _write_meta(shared, {f"checkout:{checkout_id}": json.dumps(state, ensure_ascii=False)})
            server.log(
                shared,
                "checkin",
                "",
                state.get("county", ""),
                {
                    "checkout_id": checkout_id,
                    "updated": report.updated,
                    "added": report.added,
                    "conflicts": [conflict.describe() for conflict in report.conflicts],
                    "deleted_in_copy": report.deleted_in_copy,
                },
            )
    finally:
        copy = None
    return report


def _merge_table(copy, shared, table: str, base: dict, report: CheckinReport, new_inspection_fids: dict[int, int]) -> None:
    local_layer = copy.GetLayerByName(table)
    server_layer = shared.GetLayerByName(table)
    seen: set[int] = set()
    added = updated = 0
    for local in local_layer:
        fid = local.GetFID()
        seen.add(fid)
        local_values = _values(local)
        snapshot = base.get((table, fid))
        if snapshot is None:  # made in the copy
            unique = _UNIQUE_KEYS.get(table)
            if unique and local_values.get(unique):
                server_layer.SetAttributeFilter(f'"{unique}" = {quote(local_values[unique])}')
                taken = server_layer.GetFeatureCount() > 0
                server_layer.SetAttributeFilter(None)
                if taken:
                    report.conflicts.append(
                        Conflict(table, fid, str(local_values[unique]), unique, "", ADDED_IN_COPY, ADDED_ON_SERVER)
                    )
                    continue
            row = ogr.Feature(server_layer.GetLayerDefn())
            row.SetFrom(local)
            if table in _INSPECTION_CHILDREN and local_values.get("inspection_id") in new_inspection_fids:
                row.SetField("inspection_id", new_inspection_fids[local_values["inspection_id"]])
            server_layer.CreateFeature(row)
            if table == "inspections":
                new_inspection_fids[fid] = row.GetFID()
            added += 1
            continue
        base_local, base_server = snapshot
        changed = [name for name, value in local_values.items() if base_local.get(name) != value]
        if not changed:
            continue
        current = server_layer.GetFeature(fid)
        if current is None:
            report.conflicts.append(Conflict(table, fid, _key(table, local_values, fid), "*", "", tr("changed"), tr("deleted")))
            continue
        server_values = _values(current)
        applied = False
        for name in changed:
            if server_values.get(name) != base_server.get(name) and server_values.get(name) != local_values.get(name):
                report.conflicts.append(
                    Conflict(table, fid, _key(table, local_values, fid), name, base_local.get(name),
                             local_values.get(name), server_values.get(name))
                )
                continue
            _apply(current, name, local)
            applied = True
        if applied:
            server_layer.SetFeature(current)
            updated += 1
    local_layer.ResetReading()
    for (name, fid), (base_local, _) in base.items():
        if name == table and fid not in seen:
            report.deleted_in_copy.append(f"{table} {_key(table, base_local, fid)}")
    if added:
        report.added[table] = added
    if updated:
        report.updated[table] = updated



# --- resolving the conflicts of a check-in ---------------------------------------------------------

#: The user's choices for one conflict: the field copy's value, or the server's (kept as it is).
TAKE_COPY = "copy"
TAKE_SERVER = "server"
#: Words a technician may type in the conflicts table's ``take`` column (English or Chinese).
_TAKE_WORDS = {
    TAKE_COPY: TAKE_COPY, "field copy": TAKE_COPY, "local": TAKE_COPY, "副本": TAKE_COPY, "外业副本": TAKE_COPY,
    "外业": TAKE_COPY, "采用副本": TAKE_COPY,
    TAKE_SERVER: TAKE_SERVER, "服务器": TAKE_SERVER, "服务器值": TAKE_SERVER, "保留服务器": TAKE_SERVER,
}


def take_choice(text) -> str | None:
    """``copy``, ``server`` or None (left open) for what the user wrote in a ``take`` column."""
    if text is None:
        return None
    word = str(text).strip().lower()
    if not word:
        return None
    if word not in _TAKE_WORDS:
        raise StoreError(tr("'{word}' is not a choice: write copy (副本) to take the field copy's value, server "
                            "(服务器) to keep the server's, or leave it empty.").format(word=text))
    return _TAKE_WORDS[word]


def _audit_places(table: str, fid: int, values: dict) -> list[tuple[str, str]]:
    """The (table, feature_key) pairs under which changes of a row are logged (the plugin's and the triggers')."""
    places = [(table, str(values[name])) for name in ("patch_no", "license_no") if values.get(name)]
    return [*places, (table, str(fid))]


def _conflict_record(number: int, conflict: Conflict, shared: ogr.DataSource, copy: ogr.DataSource) -> dict:
    """One conflict as the checkout record keeps it: both values and who changed each side when."""
    from .versions import last_change

    natural = {"patches": "patch_no", "mining_rights": "license_no"}.get(conflict.table)
    places = _audit_places(conflict.table, conflict.fid, {natural: conflict.key} if natural else {})
    server_user, server_when = last_change(shared, places)
    copy_user, copy_when = last_change(copy, places)
    return {
        "id": number, "table": conflict.table, "fid": conflict.fid, "key": conflict.key, "field": conflict.field,
        "base": conflict.base, "local": conflict.local, "server": conflict.server,
        "server_user": server_user, "server_when": server_when.isoformat(timespec="seconds") if server_when else None,
        "copy_user": copy_user, "copy_when": copy_when.isoformat(timespec="seconds") if copy_when else None,
        "resolution": None,
    }


@dataclass
class OpenConflict(Conflict):
    """A conflict of a check-in as kept on the server, with its resolution once the user chose."""

    checkout_id: str
    county: str
    checked_in_by: str
    checked_in_at: str
    id: int
    server_user: str | None = None
    server_when: str | None = None
    copy_user: str | None = None
    copy_when: str | None = None
    resolution: dict | None = None

    @property
    def resolvable_by_copy(self) -> bool:
        """False where only the server's side can be kept (see :meth:`copy_refusal`)."""
        return self.copy_refusal() is None

    def copy_refusal(self) -> str | None:
        """Why the field copy's value cannot be taken, or None when it can."""
        if self.field == "*" or (self.field == _UNIQUE_KEYS.get(self.table) and self.base == ""):
            return tr("{conflict}: the field copy's row cannot replace the server's (deleted on the server or added on "
                      "both sides); keep the server's and re-enter what is missing.").format(conflict=self.describe())
        if self.field == GEOMETRY_COLUMN and self.table in _BOUNDARY_TABLES:
            # a licence's boundary is its corners: changed only by importing them, the previous one kept in history
            return tr("{conflict}: a licence boundary is changed only by importing its corner coordinates (the "
                      "previous boundary is kept in its history); keep the server's and import the new "
                      "coordinates.").format(conflict=self.describe())
        return None



def _checkouts(source: ogr.DataSource) -> dict[str, dict]:
    found = {}
    for key, value in _read_meta(source).items():
        if key and key.startswith("checkout:"):
            try:
                found[key.split(":", 1)[1]] = json.loads(value)
            except ValueError:  # a record written by hand: not ours to resolve
                continue
    return found


def _open_conflicts(checkouts: dict[str, dict], *, resolved: bool = False) -> list[OpenConflict]:
    found = []
    for checkout_id, state in sorted(checkouts.items(), key=lambda item: item[1].get("checked_in_at") or ""):
        for row in state.get("conflict_rows") or []:
            if row.get("resolution") and not resolved:
                continue
            found.append(OpenConflict(
                checkout_id=checkout_id, county=state.get("county", ""), checked_in_by=state.get("checked_in_by", ""),
                checked_in_at=state.get("checked_in_at", ""),
                **{name: row.get(name) for name in ("id", "table", "fid", "key", "field", "base", "local", "server",
                                                     "server_user", "server_when", "copy_user", "copy_when",
                                                     "resolution")}))
    return found


def open_conflicts(server: SupervisionStore, *, resolved: bool = False) -> list[OpenConflict]:
    """The conflicts of every check-in into ``server`` still waiting for the user (with ``resolved``: all of them)."""
    source = open_read(server)
    try:
        return _open_conflicts(_checkouts(source), resolved=resolved)
    finally:
        source = None


@dataclass
class ResolveReport:
    """What a resolution did: copy values written, server values kept, choices already made before."""

    taken: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    already: list[str] = field(default_factory=list)


def _as_stored(value, name: str):
    """A value of the copy as the check-in kept it (JSON-ready), ready to write into the server's row."""
    if name == GEOMETRY_COLUMN:
        return ogr.CreateGeometryFromWkt(value) if value else None
    return value


def _workflow_reasons(table: str, name: str, feature: ogr.Feature, value) -> list[str]:
    """Why the workflow refuses writing ``value`` into field ``name`` of a patch (empty when it allows it)."""
    if table != "patches":
        return []
    from ..domain import workflow

    patch = as_dict(feature)
    if name == "state":
        # the copy's move is checked from the state the server holds now, with the patch's fields as merged
        return workflow.check_transition(patch, value) if value else [tr("A patch's workflow state cannot be emptied.")]
    if name in workflow.DETERMINATION_FIELDS:
        return workflow.check_updates(patch, {name: value})
    return []


def resolve_conflicts(
    server: SupervisionStore,
    choices: dict[tuple[str, int], str],
    *,
    user: str | None = None,
) -> ResolveReport:
    """Apply the user's choice per conflict: ``choices`` maps (checkout id, conflict id) to ``copy`` or ``server``.

    One server transaction: every copy value is written only when the server's
    field still holds the value it had at check-in (else refused, naming who
    changed it again and when) and the workflow allows it; each choice is logged
    (action ``resolve_conflict``) and kept in the checkout record. A choice made
    before is skipped when the same, refused when different. Any refusal raises
    :class:`StoreError` and nothing is written.
    """
    from .versions import conflict_of, lock_rows, serialize

    report = ResolveReport()
    if not choices:
        return report
    who = user or current_user()
    with server.transaction() as shared:
        serialize(shared, "checkin-resolution")  # two users resolving the same check-in: one after the other
        checkouts = _checkouts(shared)
        changed_checkouts: set[str] = set()
        refusals: list[str] = []
        pending: list[tuple[str, dict, dict, str]] = []
        for (checkout_id, number), take in sorted(choices.items()):
            take = take_choice(take)
            if take is None:
                continue
            state = checkouts.get(checkout_id)
            row = next((r for r in (state or {}).get("conflict_rows") or [] if r.get("id") == int(number)), None)
            if row is None:
                refusals.append(tr("Conflict {number} of checkout {checkout} is not recorded in this database.").format(
                    number=number, checkout=checkout_id))
                continue
            conflict = _open_conflicts({checkout_id: {**state, "conflict_rows": [row]}}, resolved=True)[0]
            done = row.get("resolution")
            if done:
                if done.get("take") == take:
                    report.already.append(conflict.describe())
                else:
                    refusals.append(tr("{conflict}: already resolved by {user} on {when} ({choice}); it is not "
                                       "resolved twice.").format(conflict=conflict.describe(), user=done.get("by", "?"),
                                                                 when=done.get("at", "?"), choice=_choice_words(done.get("take"))))
                continue
            if take == TAKE_COPY and not conflict.resolvable_by_copy:
                refusals.append(conflict.copy_refusal())
                continue
            pending.append((checkout_id, row, state, take))
        for checkout_id, row, state, take in pending:
            conflict = _open_conflicts({checkout_id: {**state, "conflict_rows": [row]}}, resolved=True)[0]
            if take == TAKE_COPY:
                table, name = row["table"], row["field"]
                lock_rows(shared, table, "fid", [row["fid"]])
                layer = shared.GetLayerByName(table)
                feature = feature_by_fid(layer, row["fid"])
                if feature is None:
                    refusals.append(tr("{conflict}: the row was deleted on the server since the check-in.").format(
                        conflict=conflict.describe()))
                    continue
                expected = {"geometry" if name == GEOMETRY_COLUMN else name: row["server"]}
                again = conflict_of(shared, table, row["key"], feature, expected,
                                    logged_as=_audit_places(table, row["fid"], as_dict(feature)))
                if again is not None:
                    refusals.append(tr("{conflict}: the server's value was changed again since the check-in by {user} at "
                                       "{when} ({fields}); look at it again before choosing.").format(
                        conflict=conflict.describe(), user=again.user or tr("another user"),
                        when=again.when.strftime("%Y-%m-%d %H:%M:%S") if again.when else tr("an unknown time"),
                        fields=again.fields_text()))
                    continue
                reasons = _workflow_reasons(table, name, feature, row["local"])
                if reasons:
                    refusals.append(tr("{conflict}: the workflow refuses the field copy's value: {reasons}").format(
                        conflict=conflict.describe(), reasons=" ".join(reasons)))
                    continue
                if name == GEOMETRY_COLUMN:
                    feature.SetGeometry(_as_stored(row["local"], name))
                else:
                    set_field(feature, name, row["local"])
                layer.SetFeature(feature)
                report.taken.append(conflict.describe())
            else:
                report.kept.append(conflict.describe())
            row["resolution"] = {"take": take, "by": who, "at": dt.datetime.now().isoformat(timespec="seconds")}
            changed_checkouts.add(checkout_id)
            server.log(shared, "resolve_conflict", row["table"], str(row["key"]), {
                "checkout_id": checkout_id, "conflict": row["id"], "field": row["field"], "take": take,
                "server_value": row["server"], "copy_value": row["local"], "user": who})
        if refusals:
            # nothing half-resolved: the transaction is rolled back
            raise StoreError("\n".join([*refusals, tr("Nothing was written.")]))
        _write_meta(shared, {f"checkout:{checkout_id}": json.dumps(checkouts[checkout_id], ensure_ascii=False)
                             for checkout_id in changed_checkouts})
    return report


def _choice_words(take: str | None) -> str:
    return tr("the field copy's value") if take == TAKE_COPY else tr("the server's value")
