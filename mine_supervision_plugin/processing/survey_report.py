"""minesupervision:surveyreport — the special survey report (专项勘测报告, PDF) of a survey round (thin face).

It reads its inputs as ``comparesurvey`` does (the same SURVEY / RIGHTS /
PREVIOUS layers), makes the comparison with :func:`..analysis.survey.compare_survey`
(this round, and the previous round against the same licences for the
round-to-round table), renders each mine's overlay map with QGIS
(:mod:`..reports.map_figure`) and writes the PDF in one core call
(:func:`..reports.survey_report.write_survey_report`).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from .. import settings
from ..analysis.survey import APPROACH_M, MIN_AREA_M2, compare_survey
from ..domain.dates import to_date
from ..domain.notices import Licence
from ..i18n import tr
from ..reports.fonts import FontError, choose_fonts
from ..reports.survey_report import (
    FIGURE_MM,
    MAP_LABELS,
    add_checks,
    add_zones,
    build_report,
    corner_summary,
    figure_case,
    write_survey_report,
    zone_case,
)
from ..reports.template import TemplateError, load_template
from .base import MineSupervisionAlgorithm, processing_errors, push_warnings
from .columns import read_columns
from .survey_inputs import RIGHTS_FIELDS, SurveyInputs

CORNER_FIELDS = {"license_no": ("license_no",), "passed": ("passed", "是否合格"),
                 "deviation_m": ("deviation_m", "偏差")}
ZONE_FIELDS = {"name": ("name", "zone_name", "矿区名称", "mc")}
REPORT_RIGHTS_FIELDS = {**RIGHTS_FIELDS, "status": ("status", "生产状态"), "holder": ("holder", "采矿权人", "ckqr"), "mine_name": ("mine_name", "矿山名称", "ksmc")}


class SurveyReportAlgorithm(SurveyInputs, MineSupervisionAlgorithm):
    """Reads as comparesurvey reads (:class:`.survey_inputs.SurveyInputs`); writes the report instead of layers."""

    NAME = "surveyreport"

    def displayName(self) -> str:  # noqa: N802
        return tr("Special survey report (PDF)")

    def shortHelpString(self) -> str:  # noqa: N802
        return tr(
            "Writes the special survey report (专项勘测报告) of a survey round as a PDF (OUTPUT): a cover; a summary "
            "table per mine (surveyed area, out-of-bounds area, growth since the previous round, depth findings, works "
            "approaching the boundary); each out-of-bounds piece with its corner coordinates and area; the "
            "round-to-round comparison; a chart of the out-of-bounds area by mine; conclusions worded in the report "
            "template (TEMPLATE, else the one chosen in the settings, else the plugin's "
            "resources/templates/survey_report.json); and an overlay map per mine rendered by QGIS. SURVEY, RIGHTS "
            "and PREVIOUS are read as Compare a survey round reads them; RIGHTS may also carry holder and mine_name. With "
            "ZONES (monitoring zones, field name), a summary per zone and an overlay map per zone are added; with PATROLS "
            "and/or CORNER_CHECKS, a section on each mine's patrols of the period (PERIOD_START to PERIOD_END: months "
            "or quarters required and patrolled, by its status in RIGHTS) and its corner checks.")

    def initAlgorithm(self, config=None) -> None:  # noqa: N802
        polygons = [QgsProcessing.TypeVectorPolygon]
        self.addParameter(QgsProcessingParameterFeatureSource("SURVEY", tr("Survey extents (this round)"), polygons))
        self.addParameter(QgsProcessingParameterFeatureSource("RIGHTS", tr("Mining rights (licensed boundaries)"),
                                                              polygons))
        self.addParameter(QgsProcessingParameterFeatureSource("PREVIOUS", tr("Survey extents of the previous round"),
                                                              polygons, optional=True))
        self.addParameter(QgsProcessingParameterFileDestination("OUTPUT", tr("Survey report"), tr("PDF (*.pdf)")))
        self.addParameter(QgsProcessingParameterString(
            "ROUND", tr("This round's name (empty: the survey_round of SURVEY)"), optional=True))
        self.addParameter(QgsProcessingParameterString(
            "PREVIOUS_ROUND", tr("The previous round's name (empty: the survey_round of PREVIOUS)"), optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            "APPROACH_M", tr("Works closer than this to the boundary are approaching it (m)"),
            type=QgsProcessingParameterNumber.Double, defaultValue=APPROACH_M, minValue=0.0))
        self.addParameter(QgsProcessingParameterNumber(
            "MIN_AREA_M2", tr("Ignore pieces smaller than (m²)"), type=QgsProcessingParameterNumber.Double,
            defaultValue=MIN_AREA_M2, minValue=0.0))
        self.addParameter(QgsProcessingParameterFeatureSource(
            "ZONES", tr("Monitoring zones (a summary and an overlay map per zone)"), polygons, optional=True))
        tables = [QgsProcessing.TypeVector]
        self.addParameter(QgsProcessingParameterFeatureSource(
            "PATROLS", tr("Patrols of the period (license_no or license_nos, inspection_date)"), tables, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            "CORNER_CHECKS", tr("Corner checks (license_no, passed, deviation_m)"), tables, optional=True))
        self.addParameter(QgsProcessingParameterString(
            "PERIOD_START", tr("Period of the patrols: first day (empty: 1 January of the report's year)"),
            optional=True))
        self.addParameter(QgsProcessingParameterString(
            "PERIOD_END", tr("Period of the patrols: last day (empty: the report date)"), optional=True))
        self.addParameter(QgsProcessingParameterBoolean(
            "MAPS", tr("An overlay map per mine"), defaultValue=True))
        self.addParameter(QgsProcessingParameterMultipleLayers(
            "IMAGERY", tr("Imagery under the maps"), QgsProcessing.TypeRaster, optional=True))
        self.addParameter(QgsProcessingParameterString(
            "REPORT_DATE", tr("Report date (YYYY-MM-DD; empty: today)"), optional=True))
        self.addParameter(QgsProcessingParameterFile(
            "TEMPLATE", tr("Survey report template (JSON)"), behavior=QgsProcessingParameterFile.File,
            fileFilter=tr("JSON (*.json)"), optional=True))
        self.addOutput(QgsProcessingOutputNumber("MINES", tr("Number of mines surveyed")))
        self.addOutput(QgsProcessingOutputNumber("OUTSIDE_MINES",
                                                 tr("Number of mines with works outside their licence")))
        self.addOutput(QgsProcessingOutputNumber("MAPS_DRAWN", tr("Maps drawn")))
        self.addOutput(QgsProcessingOutputNumber("ZONES_COUNT", tr("Monitoring zones summarised")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        output = Path(self.parameterAsFileOutput(parameters, "OUTPUT", context))
        date_text = (self.parameterAsString(parameters, "REPORT_DATE", context) or "").strip()
        issued_at = to_date(date_text) if date_text else dt.date.today()
        if date_text and issued_at is None:
            raise QgsProcessingException(tr("REPORT_DATE {value} is not a date (YYYY-MM-DD).").format(value=date_text))
        with processing_errors(TemplateError, FontError):
            own = self.parameterAsFile(parameters, "TEMPLATE", context) or settings.SURVEY_REPORT_TEMPLATE.value()
            template = load_template(own, name="survey_report")
            if not own:  # the authority set in Document settings (the notice template) signs the report too
                template["authority"] = load_template(settings.NOTICE_TEMPLATE.value())["authority"]
            fonts = choose_fonts(settings.DOCUMENT_BODY_FONT.value(), settings.DOCUMENT_TITLE_FONT.value())
        push_warnings(feedback, fonts.messages)

        survey = self.survey_source(parameters, "SURVEY", context)
        rights = self.survey_source(parameters, "RIGHTS", context)
        previous = self.survey_source(parameters, "PREVIOUS", context, required=False)
        target = self.survey_target_crs(rights, context)
        self.check_layer_crs(survey, "SURVEY", target, feedback)
        if previous is not None:
            self.check_layer_crs(previous, "PREVIOUS", target, feedback)
        licences, columns, keep = self.read_licences(parameters, rights, REPORT_RIGHTS_FIELDS, target, context,
                                                     feedback)
        people, statuses = {}, {}
        for i in keep:
            number = str(columns["license_no"][i] or "").strip()
            if number and number not in people:
                people[number] = (str(columns["holder"][i] or "").strip(), str(columns["mine_name"][i] or "").strip())
                statuses[number] = columns["status"][i]
        rights_by_number = {number: Licence(number, *people.get(number, ("", "")), geometry=geometry)
                            for number, geometry in zip(licences.license_no, licences.geometries)}
        current = self.read_extents(parameters, "SURVEY", survey, target, context, feedback)
        before = (self.read_extents(parameters, "PREVIOUS", previous, target, context, feedback)
                  if previous is not None else None)
        round_label = self._round(parameters, "ROUND", current, context)
        previous_label = self._round(parameters, "PREVIOUS_ROUND", before, context) if before is not None else None
        if before is not None and not previous_label:
            previous_label = "上一轮"  # printed in the (Chinese) report
        if feedback.isCanceled():
            return {}
        feedback.setProgress(10)
        approach = self.parameterAsDouble(parameters, "APPROACH_M", context)
        smallest = self.parameterAsDouble(parameters, "MIN_AREA_M2", context)
        result = compare_survey(current, licences, before, approach_m=approach, min_area_m2=smallest)
        push_warnings(feedback, result.warnings)
        earlier = compare_survey(before, licences, approach_m=approach, min_area_m2=smallest) \
            if before is not None else None
        crs_name = f"{target.description()}（{target.authid()}）"
        with processing_errors(TemplateError):
            report = build_report(result, rights_by_number, template, round_label=round_label, previous=earlier,
                                  previous_label=previous_label, crs_name=crs_name, issued_at=issued_at)
        zones = self.survey_source(parameters, "ZONES", context, required=False)
        if zones is not None:
            self.check_layer_crs(zones, "ZONES", target, feedback)
            shapes, names, zone_fids, _found, zone_status = self.read_survey_layer(parameters, "ZONES", zones, ZONE_FIELDS, target,
                                                                       context, feedback)
            labels = [str(name or "").strip() or tr("zone {n}").format(n=fid)
                      for name, fid in zip(names["name"], zone_fids)]
            shapes, usable = self.clean_geometries(shapes, labels, tr("monitoring zone"), feedback, zone_status)
            add_zones(report, [(label, shape) for label, shape, ok in zip(labels, shapes, usable) if ok])
        self._checks(report, statuses, parameters, context, feedback, issued_at)
        feedback.setProgress(25)

        figures = {}
        if self.parameterAsBool(parameters, "MAPS", context) and report.mines:
            figures = self._maps(report, target, parameters, context, fonts, feedback)
            if figures is None:
                return {}
        with processing_errors(OSError):
            try:
                output.parent.mkdir(parents=True, exist_ok=True)
                warnings = write_survey_report(report, fonts, output, figures)
            except OSError as error:
                raise OSError(tr("The report {path} cannot be written: {reason}").format(
                    path=output, reason=error)) from error
        push_warnings(feedback, warnings)
        outside = sum(1 for m in report.mines if m.outside_m2 > 0)
        feedback.pushInfo(tr("Survey report of {round}: {mines} mines, {outside} with works outside their licence, "
                             "{maps} maps → {path}").format(round=round_label or "—", mines=len(report.mines),
                                                            outside=outside, maps=len(figures), path=output))
        return {"OUTPUT": str(output), "MINES": len(report.mines), "OUTSIDE_MINES": outside,
                "MAPS_DRAWN": len(figures), "ZONES_COUNT": len(report.zones)}

    def _checks(self, report, statuses, parameters, context, feedback, issued_at) -> None:
        """Patrol compliance of the period and corner checks of the surveyed mines, when PATROLS / CORNER_CHECKS."""
        given = {name: bool(parameters.get(name)) for name in ("PATROLS", "CORNER_CHECKS")}
        if not any(given.values()):
            return
        start = self._day(parameters, "PERIOD_START", context) or dt.date(issued_at.year, 1, 1)
        end = self._day(parameters, "PERIOD_END", context) or issued_at
        patrols = corners = None
        if given["PATROLS"]:
            from ..analysis.compliance import compliance  # pandas: imported on first use
            from ..domain.compliance import PeriodError
            from .inspection_compliance import INSPECTION_FIELDS

            rows = read_columns(self, parameters, "PATROLS", context, feedback, INSPECTION_FIELDS,
                                ("inspected_on",))
            # (columns may come as numpy arrays: compared with None, never tested for truth)
            numbers = list(rows.values["license_no"]) if rows.values["license_no"] is not None else [None] * len(rows)
            if rows.values["license_nos"] is not None:
                numbers = [many if many not in (None, "") else one
                           for one, many in zip(numbers, list(rows.values["license_nos"]))]
            mines = list(statuses)  # every licence of RIGHTS: a patrol of an unsurveyed mine is no error
            try:
                result = compliance(mines, [statuses[n] for n in mines], numbers, rows.values["inspected_on"],
                                    start, end, inspection_labels=rows.labels)
            except PeriodError as error:
                raise QgsProcessingException(str(error)) from error
            push_warnings(feedback, result.warnings)
            patrols = {row["license_no"]: row for row in result.table.to_dict("records")}
        if given["CORNER_CHECKS"]:
            rows = read_columns(self, parameters, "CORNER_CHECKS", context, feedback, CORNER_FIELDS,
                                ("license_no", "passed"))
            corners = corner_summary(rows.values["license_no"], rows.values["passed"], rows.values["deviation_m"])
        add_checks(report, (start, end), patrols, corners)

    def _day(self, parameters, name, context) -> dt.date | None:
        text = (self.parameterAsString(parameters, name, context) or "").strip()
        if not text:
            return None
        day = to_date(text)
        if day is None:
            raise QgsProcessingException(tr("{name} is not a date: '{value}' (write it as 2026-01-31).").format(
                name=name, value=text))
        return day

    def _round(self, parameters, name, extents, context) -> str:
        given = (self.parameterAsString(parameters, name, context) or "").strip()
        if given or extents is None:
            return given
        return next((str(r).strip() for r in (extents.survey_round or []) if r not in (None, "")), "")

    def _maps(self, report, crs, parameters, context, fonts, feedback) -> dict | None:
        """Each mine's overlay map (JPEG bytes) by its key; the next one renders on QGIS's threads meanwhile.

        None when cancelled (nothing is written then)."""
        from ..reports.map_figure import start_figure

        imagery = [layer.source() for layer in self.parameterAsLayerList(parameters, "IMAGERY", context)]
        mines = report.mines

        def start(mine):
            return start_figure(figure_case(mine, report.pieces), crs, imagery=imagery,
                                font_path=str(fonts.body.file.path), size_mm=FIGURE_MM, labels=MAP_LABELS)

        def start_zone(zone):
            return start_figure(zone_case(report, zone), crs, imagery=imagery, font_path=str(fonts.body.file.path),
                                size_mm=FIGURE_MM, labels=MAP_LABELS, outlines=[(zone.geometry, zone.name)],
                                corners=False)

        jobs = [(mine.key, lambda m=mine: start(m)) for mine in mines]
        jobs += [(zone.key, lambda z=zone: start_zone(z)) for zone in report.zones]
        figures = {}
        pending = jobs[0][1]()
        for i, (key, _start) in enumerate(jobs):
            following = jobs[i + 1][1]() if i + 1 < len(jobs) else None
            figures[key] = pending.result()[0]
            pending = following
            feedback.setProgress(25 + 65 * (i + 1) / len(jobs))
            if feedback.isCanceled():
                if pending is not None:
                    pending.result()  # let QGIS's threads finish before the layers go
                return None
        return figures
