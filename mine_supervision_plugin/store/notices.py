"""Rectification notices in the supervision database: document numbers, issuing, voiding.

The ``notices`` table is the one notion of a notice: a number typed by hand
for a patch (:mod:`.patches`) and a notice printed here are rows of it alike.

Numbers are allocated here and only here, inside the transaction that records
the notice: :func:`issuing` opens it and allocates the next number of
``<prefix>〔<year>〕``; the caller writes the PDF, renames it into place, then
calls :meth:`Issue.record`; the transaction commits when the ``with`` block
ends without error. A failed or cancelled PDF rolls everything back, so no
number is used up by a document that does not exist.

A number is never reused: the last sequence of each prefix and year is kept
in ``ms_meta`` (key ``notice_sequence|<prefix>|<year>``) besides the notices
themselves, so neither voiding nor deleting a row brings a number back. A
voided notice keeps its row (state ``voided``); the reason, who and when go
to the audit log (action ``void_notice``), and its patches and ledger items
are freed for a new notice.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from osgeo import ogr

from ..domain.notices import format_number, parse_number
from ..i18n import tr
from .database import StoreError, SupervisionStore, _ogr_name, _read_meta, _write_meta, current_user, reading
from .ogr_util import as_dict, features_by_key, features_with, quote, set_field
from .versions import serialize

NOTICES = "notices"
PATCHES = "patches"
LEDGER = "ledger_items"
COUNTER = "notice_sequence|{prefix}|{year}"


class NoticeError(StoreError):
    """A notice that cannot be issued or voided, worded for the user."""


def _last_sequence(source: ogr.DataSource, prefix: str, year: int) -> int:
    """The highest sequence ever allocated for ``prefix`` and ``year``: the counter or a row, whichever is higher.

    Rows count too (a number typed by hand for a patch in the same form); they are asked of the database
    in one query, so that issuing stays as fast with thousands of notices as with none.
    """
    postgres = source.GetDriver().GetName() == "PostgreSQL"
    if postgres:
        _lock_sequence(source, COUNTER.format(prefix=prefix, year=year))
    counter = _read_meta(source).get(COUNTER.format(prefix=prefix, year=year))
    last = int(counter) if counter and counter.isdigit() else 0
    head = f"{prefix}〔{int(year)}〕"
    pattern = quote(head.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%号")
    # PostgreSQL answers in its own SQL (the same statement); a GeoPackage through GDAL's SQLite dialect
    rows = source.ExecuteSQL(
        f"SELECT notice_no FROM {NOTICES} WHERE notice_no LIKE {pattern} ESCAPE '\\' "
        f"ORDER BY length(notice_no) DESC, notice_no DESC LIMIT 5", dialect="" if postgres else "SQLITE")
    try:
        for feature in rows:
            parsed = parse_number(feature.GetField(0))
            if parsed and parsed[0] == prefix and parsed[1] == year:
                last = max(last, parsed[2])
    finally:
        source.ReleaseResultSet(rows)
    return last


def _lock_sequence(source: ogr.DataSource, key: str) -> None:
    """Hold the sequence ``key`` of a PostgreSQL database until the transaction ends.

    Two users issuing at once: the second waits here until the first commits or rolls back, then
    reads the counter the first wrote, so numbers stay unique and without gaps.
    """
    result = source.ExecuteSQL(f"SELECT pg_advisory_xact_lock(hashtext({quote(key)})) AS locked")
    try:
        result.GetNextFeature()  # the lock is taken when the row is fetched
    finally:
        source.ReleaseResultSet(result)


@dataclass
class Issue:
    """A number allocated inside an open transaction; :meth:`record` writes the notice before it commits."""

    store: SupervisionStore
    source: ogr.DataSource
    number: str
    sequence: int
    recorded: bool = False
    linked: list[str] = field(default_factory=list)
    unknown_patches: list[str] = field(default_factory=list)

    def record(
        self,
        *,
        holder: str,
        license_nos: Sequence[str],
        patch_nos: Sequence[str],
        facts: str,
        legal_basis: str,
        requirement: str,
        deadline: dt.date,
        issued_at: dt.date,
        pdf_path: str,
    ) -> None:
        """The ``notices`` row, its patches linked (``patches.notice_no``) with their ledger items, an audit-log row."""
        from .patches import _sync_case_records  # the ledger rule of a patch's case, kept in one place

        layer = self.source.GetLayerByName(NOTICES)
        feature = ogr.Feature(layer.GetLayerDefn())
        for name, value in (
            ("notice_no", self.number),
            ("license_no", ",".join(license_nos)),
            ("holder", holder),
            ("patch_no", ",".join(patch_nos)),
            ("facts", facts),
            ("legal_basis", legal_basis),
            ("requirement", requirement),
            ("deadline", deadline),
            ("issued_at", issued_at),
            ("state", "issued"),
            ("pdf_path", pdf_path),
        ):
            set_field(feature, name, value)
        layer.CreateFeature(feature)
        patches = self.source.GetLayerByName(PATCHES)
        found = features_by_key(patches, "patch_no", list(patch_nos))
        replaced = {}
        for number in patch_nos:
            patch = found.get(number)
            if patch is None:
                self.unknown_patches.append(number)
                continue
            before = patch.GetField("notice_no")
            if before and before != self.number:
                replaced[number] = before
            set_field(patch, "notice_no", self.number)
            patches.SetFeature(patch)
            _sync_case_records(self.source, as_dict(patch), today=issued_at)
            self.linked.append(number)
        self.store.log(
            self.source, "issue_notice", NOTICES, self.number,
            {"holder": holder, "license_nos": list(license_nos), "patch_nos": list(patch_nos),
             "linked": self.linked, "not_in_database": self.unknown_patches, "replaced": replaced,
             "deadline": deadline.isoformat(), "pdf": pdf_path, "user": current_user()},
        )
        self.recorded = True


@contextlib.contextmanager
def issuing(store: SupervisionStore, prefix: str, year: int) -> Iterator[Issue]:
    """Allocate the next number of ``prefix``〔``year``〕 in a transaction that commits only once it is recorded.

    Leaving the block with an error, or without :meth:`Issue.record`, rolls
    back: the number is not used up.
    """
    prefix = (prefix or "").strip()
    if not prefix:
        raise NoticeError(tr("The document-number prefix is empty: set it in the notice template."))
    with store.transaction() as source:
        # Shared database: issuers of the same prefix and year wait for each other until commit or rollback.
        serialize(source, COUNTER.format(prefix=prefix, year=int(year)))
        sequence = _last_sequence(source, prefix, int(year)) + 1
        _write_meta(source, {COUNTER.format(prefix=prefix, year=int(year)): str(sequence)})
        issue = Issue(store, source, format_number(prefix, year, sequence), sequence)
        yield issue
        if not issue.recorded:
            raise NoticeError(tr("Notice {number} was not recorded; its number is not used.").format(number=issue.number))


def void_notice(store: SupervisionStore, number: str, reason: str, *, user: str | None = None) -> dict:
    """Void notice ``number`` with ``reason``: its row stays (state ``voided``), its number is never given again.

    Its patches and ledger items no longer name it, so a new notice can be
    issued for them. Returns the audit-log detail written.
    """
    from .patches import _sync_case_records

    reason = (reason or "").strip()
    if not reason:
        raise NoticeError(tr("Say why notice {number} is voided: a notice is voided with its reason.").format(
            number=number))
    with store.transaction() as source:
        layer = source.GetLayerByName(NOTICES)
        notice = next(iter(features_with(layer, "notice_no", number)), None)
        if notice is None:
            raise NoticeError(tr("There is no notice {number} in {path}.").format(number=number, path=store.shown))
        if notice.GetField("state") == "voided":
            raise NoticeError(tr("Notice {number} is already voided.").format(number=number))
        previous = notice.GetField("state")
        set_field(notice, "state", "voided")
        layer.SetFeature(notice)
        patches = source.GetLayerByName(PATCHES)
        freed = []
        for patch in features_with(patches, "notice_no", number):
            set_field(patch, "notice_no", None)
            patches.SetFeature(patch)
            freed.append(patch.GetField("patch_no"))
            _sync_case_records(source, as_dict(patch))
        ledger = source.GetLayerByName(LEDGER)
        for item in features_with(ledger, "notice_no", number):
            set_field(item, "notice_no", None)
            ledger.SetFeature(item)
        detail = {"reason": reason, "previous_state": previous, "patches_freed": freed, "user": user or current_user(),
                  "voided_at": dt.datetime.now().isoformat(timespec="seconds")}
        store.log(source, "void_notice", NOTICES, number, detail)
    return detail


def notices(store: SupervisionStore) -> list[dict]:
    """Every notice row, in the order written."""
    with reading(store.location):
        source = ogr.Open(_ogr_name(store.location))
        layer = source.GetLayerByName(NOTICES)
        rows = [as_dict(feature) for feature in layer]
        layer = source = None
    # PostgreSQL gives rows in no set order (an updated row moves): the order written is the fids'
    return sorted(rows, key=lambda row: row["fid"])


def void_reasons(store: SupervisionStore) -> dict[str, str]:
    """The reason each voided notice was voided (from the audit log)."""
    import json

    with reading(store.location):
        source = ogr.Open(_ogr_name(store.location))
        layer = source.GetLayerByName("audit_log")
        layer.SetAttributeFilter("action = 'void_notice'")
        found = {feature.GetField("feature_key"): json.loads(feature.GetField("detail"))["reason"] for feature in layer}
        layer = source = None
    return found


#: Workflow states of a determined patch whose notice may be issued (determined, then case filed, rectifying).
NOTICE_STATES = ("determined", "case_filed", "rectifying")
_PATCH_FIELDS = ("patch_no", "state", "prejudgment", "determination", "license_no", "inside_area_m2",
                 "outside_area_m2", "expired_area_m2", "area_m2", "field_check_date", "date_after", "zone_name",
                 "notice_no")
_RIGHT_FIELDS = ("license_no", "holder", "mine_name", "valid_from", "valid_to")


def notice_candidates(store: SupervisionStore, patch_nos: Sequence[str] | None = None) -> tuple[list[dict], dict]:
    """The patches a batch of notices reads, and the licences they name (by number), geometries as shapely.

    ``patch_nos``: those patches (a selection); None: every determined violation (determination ``illegal``,
    state determined, case filed or rectifying). Rows keep ``notice_no`` so the caller can leave out patches
    whose notice is already issued.
    """
    from .ogr_util import open_read, to_shapely

    with reading(store.location):
        source = open_read(store)
        try:
            layer = source.GetLayerByName(PATCHES)
            if patch_nos is None:
                states = ", ".join(quote(s) for s in NOTICE_STATES)
                layer.SetAttributeFilter(f"determination = 'illegal' AND state IN ({states})")
                features = [feature for feature in layer]
                layer.SetAttributeFilter(None)
            else:
                found = features_by_key(layer, "patch_no", list(patch_nos))
                features = [found[n] for n in patch_nos if n in found]
            patches = []
            for feature in features:
                record = {name: value for name, value in as_dict(feature).items() if name in _PATCH_FIELDS}
                record["geometry"] = to_shapely(feature.GetGeometryRef())
                patches.append(record)
            numbers = sorted({n.strip() for p in patches for n in str(p.get("license_no") or "").split(",")
                              if n.strip()})
            rights = source.GetLayerByName("mining_rights")
            licences = {}
            for number, feature in features_by_key(rights, "license_no", numbers).items():
                record = {name: value for name, value in as_dict(feature).items() if name in _RIGHT_FIELDS}
                record["geometry"] = to_shapely(feature.GetGeometryRef())
                licences[number] = record
        finally:
            layer = rights = source = None
    return patches, licences


def notice_deadlines(store: SupervisionStore) -> dict[str, tuple[dt.date | None, str | None]]:
    """Each notice's deadline and state, by number (for the panels: an issued notice past its deadline is overdue)."""
    return {row["notice_no"]: (row.get("deadline"), row.get("state")) for row in notices(store) if row.get("notice_no")}


def is_overdue(deadline: dt.date | None, state: str | None, patch_state: str | None = None,
               today: dt.date | None = None) -> bool:
    """An issued notice whose deadline has passed while its patch is not closed."""
    if deadline is None or state not in (None, "", "issued") or patch_state == "closed":
        return False
    return deadline < (today or dt.date.today())
