"""Administrative penalty cases (行政处罚) and the seed-003 finding on patches.

:func:`add_cases` records penalty decisions (party, licence, patch, decision
number and date, penalty) in one transaction, refusing the whole batch when a
row is bad (named by its row and field) or a decision number is already
recorded. After every change to the cases, and whenever a patch's
determination is written (:func:`refresh_transfer`, called by the patch
workflow), each patch determined illegal gets the rule of
:mod:`..domain.cases` answered in ``patches.transfer_required`` and
``transfer_basis`` (移送司法机关), so the patches dock and the ledger show it.

The party of a patch: the party of a case naming the patch, else the holder
of the patch's licence; the day of its violation: its field-check date, else
its after-imagery date.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from osgeo import ogr

from ..domain.cases import TransferFinding, transfer_finding
from ..domain.dates import to_date
from ..domain.vocab import to_code
from ..domain.workflow import DETERMINED_OR_LATER, determination_of
from ..i18n import tr
from .database import StoreError, SupervisionStore, current_user, reading
from .ogr_util import as_dict, features_with, open_read, set_field

CASES = "penalty_cases"
PATCHES = "patches"
RIGHTS = "mining_rights"
FIELDS = ("decision_no", "party", "license_no", "patch_no", "case_no", "violation_type", "decided_on", "penalty",
          "fine_yuan", "note")


class CaseError(StoreError):
    """A batch of penalty cases that cannot be recorded; ``problems`` name each bad row. Nothing was written."""

    def __init__(self, message: str, problems: list[str] | None = None):
        self.problems = list(problems or [])
        super().__init__("\n".join([message, *self.problems]))


@dataclass
class CasesAdded:
    """What :func:`add_cases` recorded and which patches the seed-003 rule now flags."""

    added: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    transfers: list[str] = field(default_factory=list)  # patch numbers flagged for transfer


def _text(value) -> str | None:
    text = "" if value is None else str(value).strip()
    return None if text in ("", "NULL", "None") else text


def add_cases(store: SupervisionStore, records: Iterable[Mapping], *, labels: list[str] | None = None) -> CasesAdded:
    """Record penalty cases (dicts with the :data:`FIELDS`; codes or labels for ``violation_type``); all or nothing."""
    rows, problems, seen = [], [], set()
    report = CasesAdded()
    for index, record in enumerate(records):
        where = labels[index] if labels else tr("row {n}").format(n=index + 1)
        row = {name: _text(record.get(name)) for name in FIELDS}
        if not row["decision_no"]:
            problems.append(tr("{where}: the decision number (decision_no) is missing.").format(where=where))
        elif row["decision_no"] in seen:
            problems.append(tr("{where}: decision {number} appears twice.").format(where=where, number=row["decision_no"]))
        seen.add(row["decision_no"])
        if not row["party"]:
            problems.append(tr("{where}: the party (party) is missing.").format(where=where))
        decided = to_date(record.get("decided_on"))
        if decided is None:
            problems.append(tr("{where}: decided_on {value} is not a date.").format(
                where=where, value=row["decided_on"] or tr("empty")))
        row["decided_on"] = decided
        if row["violation_type"]:
            code = to_code("violation_type", row["violation_type"])
            if code is None:
                problems.append(tr("{where}: {value} is not a violation type.").format(where=where, value=row["violation_type"]))
            row["violation_type"] = code
        if row["fine_yuan"] is not None:
            try:
                row["fine_yuan"] = float(row["fine_yuan"].replace(",", ""))
            except ValueError:
                problems.append(tr("{where}: fine_yuan {value} is not a number.").format(where=where, value=row["fine_yuan"]))
        rows.append((where, row))
    if problems:
        raise CaseError(tr("No penalty case was recorded: fix these rows first."), problems)
    with store.transaction() as source:
        layer = source.GetLayerByName(CASES)
        known = {f.GetField("decision_no") for f in layer}
        layer.ResetReading()
        again = [row["decision_no"] for _, row in rows if row["decision_no"] in known]
        if again:
            raise CaseError(tr("No penalty case was recorded: these decisions are already recorded: {numbers}.").format(
                numbers=", ".join(again)))
        licences = {f.GetField("license_no") for f in source.GetLayerByName(RIGHTS)}
        patches = {f.GetField("patch_no") for f in source.GetLayerByName(PATCHES)}
        for where, row in rows:
            if row["license_no"] and row["license_no"] not in licences:
                report.warnings.append(tr("{where}: licence {licence} is not in the database; the case is kept.").format(
                    where=where, licence=row["license_no"]))
            if row["patch_no"] and row["patch_no"] not in patches:
                report.warnings.append(tr("{where}: patch {patch} is not in the database; the case is kept.").format(
                    where=where, patch=row["patch_no"]))
            feature = ogr.Feature(layer.GetLayerDefn())
            for name, value in row.items():
                set_field(feature, name, value)
            layer.CreateFeature(feature)
            report.added.append(row["decision_no"])
        report.transfers = refresh_transfer(source)
        store.log(source, "add_cases", CASES, "", {"decisions": report.added, "transfers": report.transfers,
                                                   "user": current_user()})
    return report


def penalty_cases(store: SupervisionStore) -> list[dict]:
    """Every recorded penalty case, by decision date."""
    with reading(store.location):
        source = open_read(store)
        rows = [as_dict(f) for f in source.GetLayerByName(CASES)]
        source = None
    return sorted(rows, key=lambda r: (r.get("decided_on") or dt.date.min, r["fid"]))


def _patch_party(patch: Mapping, cases: list[dict], holders: dict) -> str | None:
    named = [c for c in cases if c.get("patch_no") == patch.get("patch_no") and c.get("party")]
    if named:
        return named[0]["party"]
    return holders.get(patch.get("license_no"))


def patch_transfer(patch: Mapping, cases: list[dict], holders: dict) -> TransferFinding:
    """The seed-003 finding of one patch (a dict of its fields) given every case and licence holder."""
    if patch.get("state") not in DETERMINED_OR_LATER or determination_of(patch) != "illegal":
        return TransferFinding(False, (), "")
    found_on = to_date(patch.get("field_check_date")) or to_date(patch.get("date_after"))
    own = [c.get("decision_no") for c in cases if c.get("patch_no") == patch.get("patch_no")]
    return transfer_finding(_patch_party(patch, cases, holders), patch.get("violation_type"), found_on, cases,
                            exclude_decisions=own)


def refresh_transfer(source: ogr.DataSource, patch_nos: Iterable[str] | None = None) -> list[str]:
    """Write the seed-003 finding on the patches (all, or ``patch_nos``), in the caller's transaction.

    Returns the numbers of the patches (of those looked at) that must be transferred.
    """
    cases = [as_dict(f) for f in source.GetLayerByName(CASES)]
    holders = {f.GetField("license_no"): f.GetField("holder") for f in source.GetLayerByName(RIGHTS)}
    layer = source.GetLayerByName(PATCHES)
    features = [f for n in patch_nos for f in features_with(layer, "patch_no", n)] if patch_nos is not None else list(layer)
    flagged = []
    for feature in features:
        patch = as_dict(feature)
        finding = patch_transfer(patch, cases, holders)
        if finding.required:
            flagged.append(patch["patch_no"])
        before = (bool(patch.get("transfer_required")), patch.get("transfer_basis") or "")
        if patch.get("transfer_required") is None and not finding.required and not patch.get("transfer_basis"):
            continue  # never asked and nothing to say: leave it NULL rather than rewrite every patch
        if before != (finding.required, finding.basis):
            set_field(feature, "transfer_required", finding.required)
            set_field(feature, "transfer_basis", finding.basis)
            layer.SetFeature(feature)
    return flagged


def transfers(store: SupervisionStore) -> list[dict]:
    """The patches flagged for transfer to the judiciary, with their basis (the query the patches dock shows)."""
    with reading(store.location):
        source = open_read(store)
        # filtered here, not by an OGR filter: "= 1" is refused on PostgreSQL's boolean columns
        rows = [as_dict(f) for f in source.GetLayerByName(PATCHES) if f.GetField("transfer_required")]
        source = None
    return rows
