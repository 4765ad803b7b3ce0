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
        layer = source.GetLayerByName(LEDGER)
        feature = layer.GetFeature(int(item_id))
        if feature is None:
            raise LedgerError(tr("There is no ledger item {fid}.").format(fid=item_id))
        item = as_dict(feature)
        if item.get("state") == "closed":
            raise LedgerError(tr("Ledger item {fid} is already struck off.").format(fid=item_id))
        changes: dict = {}
        if rectified_on is not None:
            changes.update(rectification_done=True, rectified_on=to_date(rectified_on))
        if penalized_on is not None:
            changes.update(penalty_done=True, penalized_on=to_date(penalized_on))
        if decision_no:
            changes["decision_no"] = decision_no
        if penalty_required is not None:
            changes["penalty_required"] = bool(penalty_required)
        if note:
            changes["note"] = note
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
