"""Survey findings into the problem ledger (问题台账): one ``ledger_items`` row per finding, once.

A row names the licence, the problem (the round and the finding, in Chinese:
:attr:`..domain.survey_findings.SurveyFinding.problem`), the date found and
the state ``open`` (未销号). A finding whose licence already has an item
starting with the same key (same round, same kind) is not written again, so
recording a round's findings twice, or from the dock and then in batch, adds
nothing the second time. All rows of one call are written in one transaction,
with an audit-log row.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from osgeo import ogr

from ..domain.survey_findings import SurveyFinding, ledger_source_key
from .database import SupervisionStore, current_user, reading
from .ogr_util import as_dict, open_read, quote, set_field

LEDGER = "ledger_items"


@dataclass
class LedgerRecord:
    """What :func:`record_findings` did: the findings written (with their fid) and those already in the ledger."""

    added: list[tuple[SurveyFinding, int]] = field(default_factory=list)
    already: list[SurveyFinding] = field(default_factory=list)


def _existing_keys(layer, numbers: list[str], keys: dict[str, set[str]]) -> set[tuple[str, str]]:
    """(licence number, key) of the open or closed items already there for these licences and keys.

    ``keys`` maps a problem-text key to the ledger source keys of the same finding: an item written by
    ``updateledger`` (its own text, the same source key) counts as already there."""
    found = set()
    for number in sorted(set(numbers)):
        layer.SetAttributeFilter(f"license_no = {quote(number)}")
        for feature in layer:
            problem = feature.GetField("problem") or ""
            source_key = feature.GetField("source_key") or ""
            for key in keys:
                if problem.startswith(key) or source_key in keys[key]:
                    found.add((number, key))
    layer.SetAttributeFilter(None)
    return found


def record_findings(store: SupervisionStore, findings: Sequence[SurveyFinding], *,
                    found_at: dt.date | None = None) -> LedgerRecord:
    """Write a ledger item for each finding not yet in the ledger (see the module), in one transaction."""
    record = LedgerRecord()
    found_at = found_at or dt.date.today()
    if not findings:
        return record
    with store.transaction() as source:
        layer = source.GetLayerByName(LEDGER)
        source_keys = {f.key: set() for f in findings}
        for f in findings:
            source_keys[f.key].add(ledger_source_key(f.round_id, f.license_no, f.kind))
        existing = _existing_keys(layer, [f.license_no for f in findings], source_keys)
        for finding in findings:
            if (finding.license_no, finding.key) in existing:
                record.already.append(finding)
                continue
            feature = ogr.Feature(layer.GetLayerDefn())
            for name, value in (("license_no", finding.license_no), ("problem", finding.problem),
                                ("found_at", found_at), ("state", "open"), ("source_kind", "survey"),
                                ("source_key", ledger_source_key(finding.round_id, finding.license_no, finding.kind)),
                                ("survey_round", finding.round_id), ("penalty_required", True)):
                set_field(feature, name, value)
            layer.CreateFeature(feature)
            record.added.append((finding, feature.GetFID()))
            existing.add((finding.license_no, finding.key))  # the same finding twice in one call: once
        if record.added:
            store.log(source, "survey_findings_to_ledger", LEDGER, ",".join(sorted({f.round_id for f in findings})), {
                "added": [{"license_no": f.license_no, "kind": f.kind, "fid": fid} for f, fid in record.added],
                "already": [{"license_no": f.license_no, "kind": f.kind} for f in record.already],
                "found_at": found_at.isoformat(), "user": current_user(),
            })
    return record


def ledger_items_of(store: SupervisionStore, license_nos: Sequence[str]) -> dict[str, list[dict]]:
    """The ledger items of these licences (as dicts), by licence number."""
    out: dict[str, list[dict]] = {n: [] for n in license_nos}
    with reading(store.location):
        source = open_read(store)
        try:
            layer = source.GetLayerByName(LEDGER)
            for number in out:
                layer.SetAttributeFilter(f"license_no = {quote(number)}")
                out[number] = [as_dict(f) for f in layer]
        finally:
            layer = source = None
    return out


def round_surveyed_at(store: SupervisionStore, round_id: str) -> dt.date | None:
    """The last survey date of round ``round_id`` (when its findings were found), None when none is recorded."""
    from .surveys import TABLE

    with reading(store.location):
        source = open_read(store)
        try:
            layer = source.GetLayerByName(TABLE)
            layer.SetAttributeFilter(f"survey_round = {quote(round_id)}")
            days = [as_dict(f).get("surveyed_at") for f in layer]
        finally:
            layer = source = None
    days = [d for d in days if isinstance(d, dt.date)]
    return max(days) if days else None
