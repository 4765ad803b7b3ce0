"""Concurrent writers: row locks, serialised counters and the optimistic version check.

Two users read the same patch, licence or ledger item; both edit it; the
second save must not overwrite the first silently. A save that knows what its
user read passes those values (``expected``: the record as read, e.g. from
:func:`.patches.get_patch`); inside the write transaction the row is locked
(PostgreSQL: ``SELECT ... FOR UPDATE``, so a concurrent save waits, then sees
the committed row) and compared with them; any difference refuses the save
with a :class:`Conflict` naming who changed what, when, from which value to
which. Value-based, so no version column (no schema change) is needed, and
edits made outside the plugin (QGIS's attribute table, psql) count as well.

On a GeoPackage the file lock serialises writers; the comparison is the same.
Who and when come from ``audit_log``: the plugin's own rows, and on PostgreSQL
the rows its triggers write (:mod:`.postgres_server`) for any writer.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from osgeo import ogr

from ..domain.vocab import label
from ..i18n import tr
from .database import StoreError, SupervisionStore, current_user
from .ogr_util import as_dict, features_with, field_value, json_ready, quote, set_field, to_shapely
from .schema import table as table_spec

ogr.UseExceptions()

#: Fields never compared: the row's identity and what a reader adds to the record.
_IGNORED = {"fid", "corrected_by"}


def is_postgres_source(source: ogr.DataSource) -> bool:
    return source.GetDriver().GetName() == "PostgreSQL"


def _run(source: ogr.DataSource, sql: str) -> None:
    """Run a query on the caller's connection and read its whole answer (a cursor's locks are taken as rows are read)."""
    result = source.ExecuteSQL(sql)
    if result is not None:
        try:
            while result.GetNextFeature() is not None:
                pass
        finally:
            source.ReleaseResultSet(result)


def lock_rows(source: ogr.DataSource, table: str, key_field: str, keys: Iterable) -> None:
    """Lock the rows of ``table`` whose ``key_field`` is one of ``keys`` until the transaction ends (PostgreSQL).

    A concurrent save of the same rows waits for this transaction; what is
    read after the lock is the committed row. On a GeoPackage the writer's
    file lock already does this: nothing to do.
    """
    keys = [str(key) for key in keys if key is not None]
    if not keys or not is_postgres_source(source):
        return
    for start in range(0, len(keys), 500):
        chunk = ", ".join(quote(key) for key in keys[start : start + 500])
        _run(source, f'SELECT count(*) FROM (SELECT 1 FROM "{table}" WHERE "{key_field}" IN ({chunk}) FOR UPDATE) AS locked')


def serialize(source: ogr.DataSource, name: str) -> None:
    """Make the transactions that call this with the same ``name`` run one after another (PostgreSQL).

    A transaction-level advisory lock: released by the commit or the
    rollback, so a rolled-back document number leaves no gap and the next
    writer reads the counter as committed.
    """
    if is_postgres_source(source):
        _run(source, f"SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtext({quote('ms:' + name)}))) AS locked")


# --- the comparison ---------------------------------------------------------------------------


def _plain(value):
    """A value as compared: blanks as None, booleans as 0/1, dates and times as ISO text (to the millisecond)."""
    if value is None or (isinstance(value, str) and value.strip() == ""):
        return None
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, dt.datetime):
        return value.replace(tzinfo=None).isoformat(timespec="milliseconds")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        try:  # a date or time given as text (the way a form hands it over)
            parsed = dt.datetime.fromisoformat(value.strip().replace("/", "-"))
        except ValueError:
            return value
        return _plain(parsed.date() if len(value.strip()) <= 10 else parsed)
    return value


def same_value(read, now) -> bool:
    """True when a value read earlier and the value now stored are the same."""
    read, now = _plain(read), _plain(now)
    if isinstance(read, (int, float)) and isinstance(now, (int, float)):
        return math.isclose(read, now, rel_tol=1e-9, abs_tol=1e-9)
    return read == now


def _same_geometry(read, reference: ogr.Geometry | None) -> bool:
    import shapely

    if isinstance(read, (bytes, bytearray)):
        read = shapely.from_wkb(bytes(read))
    elif isinstance(read, str):
        read = shapely.from_wkt(read)
    now = to_shapely(reference)
    if read is None or now is None or read.is_empty or now.is_empty:
        return (read is None or read.is_empty) == (now is None or now.is_empty)
    return bool(shapely.equals_exact(read, now, tolerance=1e-6))


def _area(geometry) -> float | None:
    import shapely

    if isinstance(geometry, ogr.Geometry):
        geometry = to_shapely(geometry)
    elif isinstance(geometry, (bytes, bytearray)):
        geometry = shapely.from_wkb(bytes(geometry))
    return None if geometry is None else round(float(geometry.area), 1)


def changes_since(feature: ogr.Feature, expected: Mapping) -> dict[str, tuple[object, object]]:
    """The fields of ``feature`` that differ from ``expected`` (the values read): name -> (read, now).

    ``expected`` may hold the record's geometry under ``geometry`` (shapely,
    WKB or WKT); a changed geometry is given as its areas. Names the row does
    not have are ignored.
    """
    current = as_dict(feature)
    changed = {}
    for name, read in expected.items():
        if name == "geometry":
            if not _same_geometry(read, feature.GetGeometryRef()):
                changed["geometry"] = (_area(read), _area(feature.GetGeometryRef()))
            continue
        if name in _IGNORED or name not in current:
            continue
        if not same_value(read, current[name]):
            changed[name] = (read, current[name])
    return changed


# --- the conflict ---------------------------------------------------------------------------------


@dataclass
class Conflict:
    """Another user's change to a row since it was read: what changed, who did it and when (when known)."""

    table: str
    key: str
    changes: dict[str, tuple[object, object]]
    user: str | None = None
    when: dt.datetime | None = None
    actions: list[str] = field(default_factory=list)

    def fields_text(self) -> str:
        try:
            spec = table_spec(self.table)
        except KeyError:
            spec = None
        parts = []
        for name, (read, now) in self.changes.items():
            vocabulary, title = None, name
            if spec is not None and name != "geometry":
                try:
                    column = spec.field(name)
                    vocabulary, title = column.vocabulary, f"{column.alias} ({name})"
                except KeyError:
                    pass
            elif name == "geometry":
                title = tr("geometry (area m²)")
            parts.append(f"{title}: {_shown(read, vocabulary)} → {_shown(now, vocabulary)}")
        return "; ".join(parts)

    def message(self) -> str:
        try:
            what = table_spec(self.table).alias
        except KeyError:
            what = self.table
        who = self.user or tr("another user")
        when = self.when.strftime("%Y-%m-%d %H:%M:%S") if self.when else tr("an unknown time")
        return tr(
            "{what} {key} was changed by {user} at {when} after you read it: {fields}. Your save was refused and "
            "nothing was written; reload it, check the other change and save yours again."
        ).format(what=what, key=self.key, user=who, when=when, fields=self.fields_text())


def _shown(value, vocabulary: str | None) -> str:
    if value is None or value == "":
        return tr("(empty)")
    if vocabulary and isinstance(value, str):
        return label(vocabulary, value)
    return str(json_ready(value))


class ConcurrentEditError(StoreError):
    """A save refused because another user changed the row since it was read; ``conflicts`` say how."""

    def __init__(self, conflicts: list[Conflict]):
        self.conflicts = list(conflicts)
        super().__init__("\n".join(conflict.message() for conflict in self.conflicts))


def _last_change(source: ogr.DataSource, places: Iterable[tuple[str, str]]) -> tuple[str | None, dt.datetime | None, list[str]]:
    """Who and when of the latest ``audit_log`` row about one of ``places`` ((table, key) pairs)."""
    layer = source.GetLayerByName("audit_log")
    if layer is None:
        return None, None, []
    latest = None
    for table, key in places:
        layer.SetAttributeFilter(f"table_name = {quote(table)} AND feature_key = {quote(key)}")
        try:
            for feature in layer:
                if latest is None or feature.GetFID() > latest.GetFID():
                    latest = feature
        finally:
            layer.SetAttributeFilter(None)
            layer.ResetReading()
    if latest is None:
        return None, None, []
    user = field_value(latest, "user_name")
    try:
        detail = json.loads(field_value(latest, "detail") or "{}")
    except ValueError:
        detail = {}
    if isinstance(detail, dict) and detail.get("user") and detail["user"] != user:
        user = f"{detail['user']} ({user})"  # the plugin's user name and the database login
    elif latest.GetFieldIndex("db_login") >= 0:
        login = field_value(latest, "db_login")
        if login and login != user:
            user = f"{user} ({login})" if user else login  # the plugin's row: its user setting and the server login
    when = field_value(latest, "event_time")
    if isinstance(when, dt.datetime) and when.tzinfo is not None:
        when = when.astimezone().replace(tzinfo=None)
    return user, when, [field_value(latest, "action")]


def last_change(source: ogr.DataSource, places: Iterable[tuple[str, str]]) -> tuple[str | None, dt.datetime | None]:
    """Who changed a row last and when, from ``audit_log`` (``places``: the (table, key) pairs it is logged under)."""
    user, when, _ = _last_change(source, places)
    return user, when


def conflict_of(
    source: ogr.DataSource,
    table: str,
    key: str,
    feature: ogr.Feature,
    expected: Mapping | None,
    *,
    logged_as: Iterable[tuple[str, str]] = (),
) -> Conflict | None:
    """The conflict between the row as now stored and ``expected`` (the values read), or None when they agree.

    Call it inside the write transaction, after :func:`lock_rows`.
    ``logged_as``: other (table, key) pairs under which changes of this row
    are logged (a ledger item is changed by its patch's steps).
    """
    if not expected:
        return None
    changes = changes_since(feature, expected)
    if not changes:
        return None
    user, when, actions = _last_change(source, [(table, str(key)), *logged_as])
    return Conflict(table, str(key), changes, user, when, actions)


def edit_row(
    store: SupervisionStore,
    table: str,
    key_field: str,
    key,
    updates: Mapping,
    *,
    expected: Mapping | None = None,
    user: str | None = None,
) -> dict:
    """Write ``updates`` to the row of ``table`` whose ``key_field`` is ``key``, refused when changed since read.

    The attribute edit of a row without a use case of its own (a ledger
    item's rectification and penalty ticks, say): one transaction, the row
    locked, compared with ``expected``, written, logged (action ``edit``).
    Returns the fields that changed. Raises :class:`ConcurrentEditError` or
    :class:`StoreError` (no such row); nothing is written then.
    """
    with store.transaction() as source:
        lock_rows(source, table, key_field, [key])
        layer = source.GetLayerByName(table)
        if key_field == "fid":
            found = layer.GetFeature(int(key))
        else:
            found = next(iter(features_with(layer, key_field, key)), None)
        if found is None:
            raise StoreError(tr("There is no row {key} in {table}.").format(key=key, table=table))
        logged_as = []
        if table == "ledger_items" and found.GetField("patch_no"):
            logged_as.append(("patches", found.GetField("patch_no")))
        conflict = conflict_of(source, table, str(key), found, expected, logged_as=logged_as)
        if conflict is not None:
            raise ConcurrentEditError([conflict])
        before = as_dict(found)
        changed = {name: value for name, value in updates.items() if not same_value(before.get(name), value)}
        if not changed:
            return {}
        for name, value in changed.items():
            set_field(found, name, value)
        layer.SetFeature(found)
        store.log(source, "edit", table, str(key),
                  {"updates": {k: json_ready(v) for k, v in changed.items()}, "user": user or current_user()})
    return changed
