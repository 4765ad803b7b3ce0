"""The problem ledger and penalty cases in Processing (issue 11 item 6): thin faces over the core.

* ``importpenaltycases``: a table of penalty decisions into the database (:func:`..store.cases.add_cases`),
  the seed-003 finding answered on the patches;
* ``updateledger``: the problems of patrols, corner checks and surveys into the ledger
  (:func:`..analysis.ledger_sync.sync_ledger`);
* ``exportledger``: the ledger as counties report it upward, an XLSX workbook
  (:func:`..reports.ledger.ledger_records`, :func:`..reports.ledger.write_ledger_xlsx`).
"""

from __future__ import annotations

import datetime as dt

from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ..domain.dates import to_date
from ..domain.ledger import DEFAULT_DEADLINE_DAYS
from ..i18n import tr
from .base import MineSupervisionAlgorithm, processing_errors, push_warnings
from .columns import read_columns
from .table_output import add_pdf_parameter

CASE_FIELDS = {
    "decision_no": ("decision_no", "处罚决定书文号", "决定书文号"),
    "party": ("party", "当事人", "holder"),
    "license_no": ("license_no", "许可证号"),
    "patch_no": ("patch_no", "图斑编号"),
    "case_no": ("case_no", "案件编号"),
    "violation_type": ("violation_type", "违法类型"),
    "decided_on": ("decided_on", "处罚决定日期", "decision_date"),
    "penalty": ("penalty", "处罚内容"),
    "fine_yuan": ("fine_yuan", "罚没款", "罚没款(元)"),
    "note": ("note", "备注"),
}


def report_date(algorithm, parameters, name: str, context) -> dt.date:
    """A date parameter (blank: today); QgsProcessingException naming it when it is not a date."""
    text = (algorithm.parameterAsString(parameters, name, context) or "").strip()
    if not text:
        return dt.date.today()
    try:
        day = to_date(text, strict=True)
    except ValueError:
        day = None
    if day is None:
        raise QgsProcessingException(
            tr("{name} is not a date: '{value}' (write it as 2026-01-31).").format(name=name, value=text))
    return day


class ImportPenaltyCasesAlgorithm(MineSupervisionAlgorithm):
    NAME = "importpenaltycases"

    def displayName(self) -> str:  # noqa: N802
        return tr("Import administrative penalty cases")

    def shortHelpString(self) -> str:  # noqa: N802
        return tr(
            "Records penalty decisions (行政处罚) in the supervision database: INPUT is any table or CSV with "
            "decision_no, party, decided_on and optionally license_no, patch_no, case_no, violation_type, penalty, "
            "fine_yuan, note (Chinese headers accepted). Nothing is recorded when a row is bad; every bad row is "
            "named. Then every patch determined illegal is checked against seed 003: a party with two or more "
            "penalties for illegal mining within two years before a new illegal mining is flagged for transfer to "
            "the judiciary (移送司法机关)."
        )

    def initAlgorithm(self, config=None) -> None:  # noqa: N802
        self.addParameter(QgsProcessingParameterFeatureSource(
            "INPUT", tr("Penalty decisions (decision_no, party, decided_on…)"), [QgsProcessing.TypeVector]))
        self.add_database_parameter()
        self.addOutput(QgsProcessingOutputNumber("CASES", tr("Cases recorded")))
        self.addOutput(QgsProcessingOutputNumber("TRANSFERS", tr("Patches to transfer to the judiciary")))
        self.addOutput(QgsProcessingOutputString("TRANSFER_PATCHES", tr("Patches to transfer (numbers)")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        from ..store.cases import CaseError, add_cases

        store = self.open_store(parameters, context)
        columns = read_columns(self, parameters, "INPUT", context, feedback, CASE_FIELDS,
                               ("decision_no", "party", "decided_on"))
        keys = [k for k in CASE_FIELDS if columns.values[k] is not None]
        records = [{k: columns.values[k][i] for k in keys} for i in range(len(columns))]
        with processing_errors(CaseError):
            report = add_cases(store, records, labels=list(columns.labels))
        push_warnings(feedback, report.warnings)
        feedback.pushInfo(tr("{cases} penalty case(s) recorded; patches to transfer to the judiciary: {patches}").format(
            cases=len(report.added), patches=", ".join(report.transfers) or tr("none")))
        return {"CASES": len(report.added), "TRANSFERS": len(report.transfers),
                "TRANSFER_PATCHES": ";".join(report.transfers)}


class UpdateLedgerAlgorithm(MineSupervisionAlgorithm):
    NAME = "updateledger"

    def displayName(self) -> str:  # noqa: N802
        return tr("Update the problem ledger from patrols, corner checks and surveys")

    def shortHelpString(self) -> str:  # noqa: N802
        return tr(
            "Adds to the problem ledger (问题台账) of the database every problem not yet in it: patrols whose "
            "finding records a problem, boundary-corner checks with a damaged or missing stake (or not passed), "
            "special survey rounds with works outside the licence or beyond its licensed depth. Each problem's "
            "deadline is the day it was found plus DEADLINE_DAYS. Run it again after each import: no problem is "
            "added twice."
        )

    def initAlgorithm(self, config=None) -> None:  # noqa: N802
        self.add_database_parameter()
        self.addParameter(QgsProcessingParameterNumber(
            "DEADLINE_DAYS", tr("Days given to rectify"), QgsProcessingParameterNumber.Integer,
            DEFAULT_DEADLINE_DAYS, minValue=1, maxValue=3650))
        for name, title in (("ADDED", tr("Ledger items added")), ("PATROL_PROBLEMS", tr("Problems found by patrols")),
                            ("CORNER_PROBLEMS", tr("Problems found by corner checks")),
                            ("SURVEY_PROBLEMS", tr("Problems found by special surveys"))):
            self.addOutput(QgsProcessingOutputNumber(name, title))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        from ..analysis.ledger_sync import sync_ledger

        store = self.open_store(parameters, context)
        days = self.parameterAsInt(parameters, "DEADLINE_DAYS", context)
        with processing_errors():
            result = sync_ledger(store, deadline_days=days)
        found = result.candidates
        feedback.pushInfo(tr("{added} ledger item(s) added (problems found: {patrol} by patrols, {corner} by corner "
                             "checks, {survey} by special surveys).").format(
            added=len(result.added), patrol=found["patrol"], corner=found["corner_check"], survey=found["survey"]))
        return {"ADDED": len(result.added), "PATROL_PROBLEMS": found["patrol"],
                "CORNER_PROBLEMS": found["corner_check"], "SURVEY_PROBLEMS": found["survey"]}


class ExportLedgerAlgorithm(MineSupervisionAlgorithm):
    NAME = "exportledger"

    def displayName(self) -> str:  # noqa: N802
        return tr("Export the problem ledger (XLSX)")

    def shortHelpString(self) -> str:  # noqa: N802
        return tr(
            "Writes the problem ledger (问题台账) of the database as counties report it upward: an XLSX workbook, one "
            "row per problem, Chinese headers (mine, holder, licence, patch, source, problem, found, deadline, "
            "notice, rectification, penalty, transfer to the judiciary, state, struck off, days overdue). AS_OF "
            "(blank: today) is the day overdue items are counted on; overdue rows are shaded red."
        )

    def initAlgorithm(self, config=None) -> None:  # noqa: N802
        self.add_database_parameter()
        self.addParameter(QgsProcessingParameterString("AS_OF", tr("Report date (YYYY-MM-DD; blank: today)"),
                                                       optional=True))
        self.addParameter(QgsProcessingParameterBoolean("OPEN_ONLY", tr("Only items not struck off"), False))
        self.addParameter(QgsProcessingParameterString("TITLE", tr("Title"), "矿山勘查开采监督管理问题台账",
                                                       optional=True))
        self.addParameter(QgsProcessingParameterFileDestination("OUTPUT", tr("Ledger workbook"),
                                                                tr("Excel workbook (*.xlsx)")))
        add_pdf_parameter(self, tr("Ledger as a document (PDF)"))
        for name, title in (("ITEMS", tr("Problems in the ledger")), ("OPEN", tr("Not struck off")),
                            ("CLOSED", tr("Struck off")), ("OVERDUE", tr("Overdue"))):
            self.addOutput(QgsProcessingOutputNumber(name, title))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        from ..reports.ledger import HEADERS, ledger_records, ledger_rows, ledger_summary, write_ledger_xlsx
        from .table_output import write_pdf_table

        store = self.open_store(parameters, context)
        as_of = report_date(self, parameters, "AS_OF", context)
        title = (self.parameterAsString(parameters, "TITLE", context) or "").strip() or "矿山勘查开采监督管理问题台账"
        output = self.parameterAsFileOutput(parameters, "OUTPUT", context)
        with processing_errors():
            records = ledger_records(store, as_of=as_of,
                                     open_only=self.parameterAsBool(parameters, "OPEN_ONLY", context))
            path = write_ledger_xlsx(output, records, title=title, as_of=as_of)
        counts = ledger_summary(records)
        pdf = write_pdf_table(self, parameters, context, feedback, title=title,
                              subtitle=f"统计截止日期：{as_of.year}年{as_of.month}月{as_of.day}日",
                              headers=HEADERS, rows=ledger_rows(records))
        feedback.pushInfo(tr("{items} problem(s) on {day}: {open} not struck off ({overdue} overdue), {closed} struck "
                             "off → {path}").format(day=as_of.isoformat(), path=path, **counts))
        return {"OUTPUT": str(path), "OUTPUT_PDF": pdf, "ITEMS": counts["items"], "OPEN": counts["open"], "CLOSED": counts["closed"],
                "OVERDUE": counts["overdue"]}


PROGRESS_FIELDS = {
    "item": ("item", "fid", "序号", "台账编号"),
    "source_key": ("source_key", "来源记录"),
    "patch_no": ("patch_no", "图斑编号"),
    "rectified_on": ("rectified_on", "整改完成时间", "整改完成日期"),
    "penalized_on": ("penalized_on", "处罚到位时间", "处罚到位日期"),
    "decision_no": ("decision_no", "处罚决定书文号"),
    "note": ("note", "备注"),
}


class RecordLedgerProgressAlgorithm(MineSupervisionAlgorithm):
    NAME = "recordledgerprogress"

    def displayName(self) -> str:  # noqa: N802
        return tr("Record rectification and penalties in the problem ledger")

    def shortHelpString(self) -> str:  # noqa: N802
        return tr(
            "Records the progress of many ledger problems at once: INPUT is any table or CSV naming each problem by "
            "item (its number in the ledger), source_key or patch_no, with rectified_on, penalized_on, decision_no "
            "and note (Chinese headers accepted). A problem is struck off (消号) when its rectification and, where a "
            "penalty applies, its penalty are recorded. Nothing is recorded when a row is bad; every bad row is named."
        )

    def initAlgorithm(self, config=None) -> None:  # noqa: N802
        self.addParameter(QgsProcessingParameterFeatureSource(
            "INPUT", tr("Progress (item or source_key or patch_no, rectified_on, penalized_on…)"),
            [QgsProcessing.TypeVector]))
        self.add_database_parameter()
        self.addOutput(QgsProcessingOutputNumber("UPDATED", tr("Problems updated")))
        self.addOutput(QgsProcessingOutputNumber("CLOSED", tr("Problems struck off")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        from ..store.ledger import LedgerError, record_progress_batch

        store = self.open_store(parameters, context)
        columns = read_columns(self, parameters, "INPUT", context, feedback, PROGRESS_FIELDS, ())
        if all(columns.values[k] is None for k in ("item", "source_key", "patch_no")):
            raise QgsProcessingException(tr("INPUT names no problem: it needs an item, source_key or patch_no column."))
        keys = [k for k in PROGRESS_FIELDS if columns.values[k] is not None]
        rows = [{k: columns.values[k][i] for k in keys} for i in range(len(columns))]
        with processing_errors(LedgerError):
            done = record_progress_batch(store, rows, labels=list(columns.labels))
        closed = sum(1 for item in done if item["state"] == "closed")
        feedback.pushInfo(tr("{updated} problem(s) updated, {closed} struck off.").format(updated=len(done), closed=closed))
        return {"UPDATED": len(done), "CLOSED": closed}
