"""The problem ledger (问题台账) in the supervision database: items, progress, striking off.

Items come from the patch workflow (:func:`.patches._sync_case_records`), from
notices, and from patrols, corner checks and special surveys
(:func:`add_items`, which the ledger update of :mod:`..analysis.ledger_sync`
calls). Each item names its source (``source_kind`` and ``source_key``): an
item already in the ledger for the same source is never added twice, so the
update can run again after every import.

:func:`record_progress` records the rectification and the penalty (done, on a
date, with the decision number); an item is struck off (``closed``) exactly
when :func:`..domain.ledger.closing_reasons` has nothing left to say. Every
write is one transaction with an ``audit_log`` row.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

from osgeo import ogr

from ..domain.dates import to_date
from ..domain.ledger import closing_reasons, state_of
from ..i18n import tr
from .database import StoreError, SupervisionStore, current_user, reading
from .ogr_util import as_dict, open_read, set_field

LEDGER = "ledger_items"
ITEM_FIELDS = ("license_no", "patch_no", "notice_no", "problem", "found_at", "deadline", "source_kind", "source_key",
               "inspection_id", "survey_round", "penalty_required", "decision_no", "note")


class LedgerError(StoreError):
    """A ledger change refused, worded for the user; nothing was written."""


def ledger_items(store: SupervisionStore) -> list[dict]:
    """Every ledger item, in the order recorded."""
    with reading(store.location):
        source = open_read(store)
        rows = [as_dict(f) for f in source.GetLayerByName(LEDGER)]
        source = None
    return sorted(rows, key=lambda r: r["fid"])


def add_items(store: SupervisionStore, items: Iterable[Mapping], *, action: str = "add_ledger_items") -> list[int]:
    """Add ledger items (dicts of :data:`ITEM_FIELDS`), skipping those whose source is already in the ledger.

    Returns the fids of the items added; one transaction.
    """
    added = []
    with store.transaction() as source:
        layer = source.GetLayerByName(LEDGER)
        known = {(f.GetField("source_kind"), f.GetField("source_key")) for f in layer}
        known |= {("patch", f.GetField("patch_no")) for f in layer if f.GetField("patch_no")}
        layer.ResetReading()
        for item in items:
            if not (item.get("problem") or "").strip():
                raise LedgerError(tr("A ledger item needs a problem description."))
            key = (item.get("source_kind"), item.get("source_key"))
            if item.get("source_key") and key in known:
                continue
            known.add(key)
            feature = ogr.Feature(layer.GetLayerDefn())
            for name in ITEM_FIELDS:
                if name in item:
                    set_field(feature, name, item[name])
            set_field(feature, "state", "open")
            set_field(feature, "rectification_done", False)
            set_field(feature, "penalty_done", False)
            layer.CreateFeature(feature)
            added.append(feature.GetFID())
        if added:
            store.log(source, action, LEDGER, "", {"items": added, "user": current_user()})
    return added


def record_progress(
    store: SupervisionStore,
    item_id: int,
    *,
    rectified_on: dt.date | None = None,
    penalized_on: dt.date | None = None,
    decision_no: str | None = None,
    penalty_required: bool | None = None,
    note: str | None = None,
    close: bool = False,
) -> dict:
    """Record the rectification and/or the penalty of one item; it is struck off when both are in place.

    ``close=True`` asks for it to be struck off: refused (:class:`LedgerError`,
    the reasons named) when the rule does not allow it. Returns the item as stored.
    """
    with store.transaction() as source:
        return _progress(store, source, int(item_id), dict(
            rectified_on=rectified_on, penalized_on=penalized_on, decision_no=decision_no,
            penalty_required=penalty_required, note=note), close=close)


#: the columns of a progress table (:func:`record_progress_batch`), besides the item's key
PROGRESS_FIELDS = ("rectified_on", "penalized_on", "decision_no", "note")


def record_progress_batch(store: SupervisionStore, rows: Iterable[Mapping], *,
                          labels: list[str] | None = None) -> list[dict]:
    """Progress of many items at once, all or nothing: each row names its item by ``item`` (the fid), else
    ``source_key``, else ``patch_no``, with :data:`PROGRESS_FIELDS`. Every bad row is named in the
    :class:`LedgerError`; nothing is written then. Returns the items as stored, in the rows' order."""
    rows = list(rows)
    problems, results = [], []
    with store.transaction() as source:
        layer = source.GetLayerByName(LEDGER)
        by_fid = {f.GetFID(): as_dict(f) for f in layer}
        layer.ResetReading()
        by_key = {(i.get("source_key") or ""): fid for fid, i in by_fid.items() if i.get("source_key")}
        by_patch = {(i.get("patch_no") or ""): fid for fid, i in by_fid.items() if i.get("patch_no")}
        planned = []
        for index, row in enumerate(rows):
            where = labels[index] if labels else tr("row {n}").format(n=index + 1)
            key = str(row.get("item") or "").strip()
            fid = None
            if key:
                fid = int(float(key)) if key.replace(".", "", 1).isdigit() else None
                fid = fid if fid in by_fid else None
            fid = fid or by_key.get(str(row.get("source_key") or "").strip()) or by_patch.get(
                str(row.get("patch_no") or "").strip())
            if fid is None:
                problems.append(tr("{where}: no ledger item has this item number, source or patch ({key}).").format(
                    where=where, key=key or row.get("source_key") or row.get("patch_no") or tr("empty")))
                continue
            values = {}
            for name in ("rectified_on", "penalized_on"):
                raw = row.get(name)
                if raw not in (None, ""):
                    values[name] = to_date(raw)
                    if values[name] is None:
                        problems.append(tr("{where}: {field} {value} is not a date.").format(
                            where=where, field=name, value=raw))
            for name in ("decision_no", "note"):
                if str(row.get(name) or "").strip():
                    values[name] = str(row[name]).strip()
            if by_fid[fid].get("state") == "closed":
                problems.append(tr("{where}: ledger item {fid} is already struck off.").format(where=where, fid=fid))
            planned.append((fid, values))
        if problems:
            raise LedgerError("\n".join([tr("No progress was recorded: fix these rows first."), *problems]))
        for fid, values in planned:
            results.append(_progress(store, source, fid, values))
    return results


def _progress(store: SupervisionStore, source, item_id: int, values: Mapping, *, close: bool = False) -> dict:
    """Apply one item's progress in the caller's transaction (see :func:`record_progress`)."""
    layer = source.GetLayerByName(LEDGER)
    feature = layer.GetFeature(item_id)
    if feature is None:
        raise LedgerError(tr("There is no ledger item {fid}.").format(fid=item_id))
    item = as_dict(feature)
    if item.get("state") == "closed":
        raise LedgerError(tr("Ledger item {fid} is already struck off.").format(fid=item_id))
    changes: dict = {}
    if values.get("rectified_on") is not None:
        changes.update(rectification_done=True, rectified_on=to_date(values["rectified_on"]))
    if values.get("penalized_on") is not None:
        changes.update(penalty_done=True, penalized_on=to_date(values["penalized_on"]))
    if values.get("decision_no"):
        changes["decision_no"] = values["decision_no"]
    if values.get("penalty_required") is not None:
        changes["penalty_required"] = bool(values["penalty_required"])
    if values.get("note"):
        changes["note"] = values["note"]
    after = {**item, **changes}
    if close and closing_reasons(after):
        raise LedgerError(tr("Ledger item {fid} cannot be struck off: {reasons}.").format(
            fid=item_id, reasons="; ".join(closing_reasons(after))))
    state = state_of(after)
    changes["state"] = state
    if state == "closed":
        days = [d for d in (to_date(after.get("rectified_on")), to_date(after.get("penalized_on"))) if d]
        changes["closed_at"] = max(days) if days else dt.date.today()
    for name, value in changes.items():
        set_field(feature, name, value)
    layer.SetFeature(feature)
    store.log(source, "ledger_progress", LEDGER, str(item_id),
              {k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in changes.items()} | {"user": current_user()})
    return {**item, **changes}
