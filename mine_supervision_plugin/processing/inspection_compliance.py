"""minesupervision:inspectioncompliance — patrol compliance of every mine for a period (issue 11 item 4).

A thin face over :mod:`..analysis.compliance`: it reads the licence numbers and
statuses of RIGHTS and the licence numbers and dates of INSPECTIONS (any table
or layer: the database's ``inspections``, a GeoPackage, a CSV...), calls the
core and writes one row per mine. What is wrong with the input (unknown licence
numbers, unreadable dates, unknown statuses) goes to the Processing log, named
and counted, and into the counts of the results.
"""

from __future__ import annotations

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsFeatureSink,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFile,
    QgsProcessingParameterString,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from ..domain.compliance import PeriodError, check_period
from ..domain.dates import to_date
from ..i18n import tr
from .base import MineSupervisionAlgorithm, processing_errors, push_warnings, qdate, qgs_fields
from .columns import read_columns

RIGHTS_FIELDS = {"license_no": ("license_no",), "status": ("status",), "mine_name": ("mine_name",)}
INSPECTION_FIELDS = {
    "license_no": ("license_no",),
    "license_nos": ("license_nos",),  # the store's: every mine of a patrol, comma-separated
    "inspected_on": ("inspected_on", "inspection_date"),
}


def _duty_fields():
    return [
        ("short_corner_patrols", QVariant.Int, tr("Patrols with fewer than 3 corner checks")),
        ("short_corner_patrol_nos", QVariant.String, tr("Patrols short of corner checks")),
        ("key_zones", QVariant.String, tr("Key monitoring zones")),
        ("surveys_required", QVariant.Int, tr("Special surveys required")),
        ("surveys_done", QVariant.Int, tr("Special surveys done")),
        ("surveys_missing", QVariant.String, tr("Special surveys missing")),
    ]


def _period_fields():
    return qgs_fields([
        ("period", QVariant.String, tr("Period")),
        ("kind", QVariant.String, tr("Check")),
        ("mines", QVariant.Int, tr("Mines")),
        ("mines_inspected", QVariant.Int, tr("Mines inspected")),
        ("mines_not_inspected", QVariant.Int, tr("Mines not inspected")),
        ("full_coverage", QVariant.Bool, tr("Full coverage")),
        ("not_inspected", QVariant.String, tr("Not inspected")),
        ("reviewed", QVariant.Bool, tr("Review recorded")),
        ("reviewed_on", QVariant.Date, tr("Reviewed on")),
    ])


def _output_fields(with_name: bool, with_duties: bool = False):
    specs = [("license_no", QVariant.String, tr("Licence number"))]
    if with_name:
        specs.append(("mine_name", QVariant.String, tr("Mine name")))
    specs += [
        ("status", QVariant.String, tr("Status")),
        ("frequency", QVariant.String, tr("Patrol frequency")),
        ("required_periods", QVariant.Int, tr("Required periods")),
        ("satisfied_periods", QVariant.Int, tr("Satisfied periods")),
        ("missing_count", QVariant.Int, tr("Missing periods (count)")),
        ("missing_periods", QVariant.String, tr("Missing periods")),
        ("inspections_in_period", QVariant.Int, tr("Inspections in the period")),
        ("last_inspected_on", QVariant.Date, tr("Last inspected on")),
        ("compliant", QVariant.Bool, tr("Compliant")),
        ("note", QVariant.String, tr("Note")),
    ]
    if with_duties:
        specs += _duty_fields()
    return qgs_fields(specs)


class InspectionComplianceAlgorithm(MineSupervisionAlgorithm):
    NAME = "inspectioncompliance"

    def displayName(self) -> str:  # noqa: N802
        return tr("Patrol compliance for a period")

    def shortHelpString(self) -> str:  # noqa: N802
        return tr(
            "For every mine of RIGHTS (license_no, status as code or label): the calendar months (producing mines) or "
            "quarters (suspended, under construction, closed) overlapping the period, those with at least one "
            "inspection dated inside both the period and that month or quarter, and the missing ones (e.g. "
            "\"2026-03, 2026-07\" or \"2026-Q2\"). INSPECTIONS is any table or layer with license_no and "
            "inspected_on (or inspection_date), a CSV file included. Inspections of unknown licence numbers, dates "
            "that cannot be read and unknown statuses are named and counted in the log."
        )

    def initAlgorithm(self, config=None) -> None:  # noqa: N802
        tables = [QgsProcessing.TypeVector]
        self.addParameter(QgsProcessingParameterFeatureSource("RIGHTS", tr("Mining rights (license_no, status)"), tables))
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                "INSPECTIONS", tr("Inspections (license_no, inspected_on): any table, layer or CSV file"), tables
            )
        )
        self.addParameter(QgsProcessingParameterString("PERIOD_START", tr("Period start (YYYY-MM-DD)")))
        self.addParameter(QgsProcessingParameterString("PERIOD_END", tr("Period end (YYYY-MM-DD), included")))
        self.addParameter(
            QgsProcessingParameterFile(
                "DATABASE", tr("Supervision database (corner checks, zones, surveys, reviews); optional"),
                behavior=QgsProcessingParameterFile.File, fileFilter=tr("GeoPackage (*.gpkg)"), optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink("OUTPUT", tr("Patrol compliance per mine"), QgsProcessing.TypeVector)
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                "OUTPUT_PERIODS", tr("Full-coverage months and quarterly reviews"), QgsProcessing.TypeVector,
                optional=True, createByDefault=False,
            )
        )
        for name, title in (
            ("MINES", tr("Number of mines")),
            ("NON_COMPLIANT", tr("Mines with missing periods")),
            ("UNKNOWN_LICENCE_INSPECTIONS", tr("Inspections of unknown licence numbers")),
            ("BAD_DATE_INSPECTIONS", tr("Inspections without a readable date")),
            ("UNKNOWN_STATUS_MINES", tr("Mines of unknown status")),
            ("MONTHS_WITHOUT_FULL_COVERAGE", tr("Months without a full-coverage check of all mines")),
            ("SHORT_CORNER_PATROLS", tr("Patrols with fewer than 3 corner checks")),
            ("MINES_MISSING_SURVEYS", tr("Key-zone producing mines lacking the year's two special surveys")),
            ("QUARTERS_WITHOUT_REVIEW", tr("Quarters without a recorded review")),
        ):
            self.addOutput(QgsProcessingOutputNumber(name, title))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        start = self._date(parameters, "PERIOD_START", context)
        end = self._date(parameters, "PERIOD_END", context)
        try:
            check_period(start, end)
        except PeriodError as error:
            raise QgsProcessingException(str(error)) from error

        feedback.setProgressText(tr("Reading mining rights and inspections"))
        rights = read_columns(self, parameters, "RIGHTS", context, feedback, RIGHTS_FIELDS, ("license_no", "status"))
        inspections = read_columns(
            self, parameters, "INSPECTIONS", context, feedback, INSPECTION_FIELDS, ("license_no", "inspected_on")
        )
        if feedback.isCanceled():
            return {}
        with_name = rights.values["mine_name"] is not None
        feedback.setProgressText(
            tr("Checking {mines} mines against {inspections} inspections").format(
                mines=len(rights), inspections=len(inspections)
            )
        )
        numbers = inspections.values["license_no"]
        several = inspections.values["license_nos"]
        if several is not None:
            numbers = [many if many not in (None, "") else one for one, many in zip(numbers, several)]
        from ..analysis.compliance import compliance  # pandas: imported on first use, not at QGIS start-up

        try:
            result = compliance(
                rights.values["license_no"],
                rights.values["status"],
                numbers,
                inspections.values["inspected_on"],
                start,
                end,
                mine_labels=rights.labels,
                inspection_labels=inspections.labels,
                date_field=inspections.names["inspected_on"],
                extra={"mine_name": rights.values["mine_name"]} if with_name else None,
            )
        except PeriodError as error:
            raise QgsProcessingException(str(error)) from error
        push_warnings(feedback, result.warnings)
        database = (self.parameterAsFile(parameters, "DATABASE", context) or "").strip()
        answer = None
        if database:
            from ..analysis.duties import MINE_COLUMNS, duties

            store = self.open_store(parameters, context)
            with processing_errors(PeriodError):
                answer = duties(store, list(result.table["license_no"]), list(result.table["status"]), start, end)
            for name in MINE_COLUMNS:
                result.table[name] = answer.mines[name].to_numpy()

        fields = _output_fields(with_name, answer is not None)
        sink, dest_id = self.sink_or_fail(parameters, "OUTPUT", context, fields, QgsWkbTypes.NoGeometry, QgsCoordinateReferenceSystem())
        names = fields.names()
        for row in result.table[names].itertuples(index=False, name=None):
            feature = QgsFeature(fields)
            feature.setAttributes([_value(v) for v in row])
            sink.addFeature(feature, QgsFeatureSink.FastInsert)
        periods_id = self._write_periods(parameters, context, result, answer)
        feedback.setProgress(100)
        months = result.months_without_full_coverage
        feedback.pushInfo(tr("Months without a full-coverage check of all mines: {months}").format(
            months=", ".join(months) or tr("none")))
        if answer is not None:
            feedback.pushInfo(tr(
                "{short} patrol(s) checked fewer than 3 boundary corners of a mine; {surveys} key-zone producing "
                "mine(s) lack the year's two special surveys; quarters without a recorded review: {quarters}").format(
                short=answer.short_corner_patrols, surveys=answer.mines_missing_surveys,
                quarters=", ".join(answer.quarters_without_review) or tr("none")))
        feedback.pushInfo(
            tr("{mines} mines: {late} with missing periods, {used} inspections counted.").format(
                mines=len(result.table), late=result.non_compliant, used=result.inspections_used
            )
        )
        return {
            "OUTPUT": dest_id,
            "MINES": len(result.table),
            "NON_COMPLIANT": result.non_compliant,
            "UNKNOWN_LICENCE_INSPECTIONS": sum(result.unknown_licences.values()),
            "BAD_DATE_INSPECTIONS": len(result.bad_dates),
            "UNKNOWN_STATUS_MINES": len(result.unknown_statuses),
            "MONTHS_WITHOUT_FULL_COVERAGE": len(months),
            "OUTPUT_PERIODS": periods_id,
            **({
                "SHORT_CORNER_PATROLS": answer.short_corner_patrols,
                "MINES_MISSING_SURVEYS": answer.mines_missing_surveys,
                "QUARTERS_WITHOUT_REVIEW": len(answer.quarters_without_review),
            } if answer is not None else {}),
        }

    def _write_periods(self, parameters, context, result, answer):
        """The months' full-coverage check and (with a database) the quarters' reviews, when OUTPUT_PERIODS is asked."""
        if parameters.get("OUTPUT_PERIODS") in (None, ""):
            return None
        fields = _period_fields()
        sink, dest_id = self.parameterAsSink(parameters, "OUTPUT_PERIODS", context, fields, QgsWkbTypes.NoGeometry,
                                             QgsCoordinateReferenceSystem())
        if sink is None:
            return None
        rows = [[r.period, "month", r.mines, r.mines_inspected, r.mines_not_inspected, bool(r.full_coverage),
                 r.not_inspected, None, None] for r in result.coverage.itertuples(index=False)]
        if answer is not None:
            rows += [[r.period, "review", None, None, None, None, None, bool(r.reviewed), _value(r.reviewed_on)]
                     for r in answer.reviews.itertuples(index=False)]
        for row in rows:
            feature = QgsFeature(fields)
            feature.setAttributes([_value(v) for v in row])
            sink.addFeature(feature, QgsFeatureSink.FastInsert)
        return dest_id

    def _date(self, parameters, name, context):
        text = (self.parameterAsString(parameters, name, context) or "").strip()
        try:
            day = to_date(text, strict=True)
        except ValueError:
            day = None
        if day is None:
            raise QgsProcessingException(
                tr("{name} is not a date: '{value}' (write it as 2026-01-31).").format(name=name, value=text)
            )
        return day


def _value(value):
    """A cell of the core's table as a QGIS attribute value."""
    if value is None:
        return None
    if hasattr(value, "item"):  # numpy scalars
        value = value.item()
    if hasattr(value, "isoformat") and not isinstance(value, str):
        return qdate(value)
    return value
