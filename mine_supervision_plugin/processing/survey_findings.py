"""minesupervision:surveyfindings — a survey round's findings to the ledger and notice drafts (thin face).

One core call: the round recorded in DATABASE is compared with its licences
(:func:`..analysis.survey_findings.compare_stored_round`), its out-of-bounds and
out-of-depth findings are worded (:func:`..analysis.survey_findings.findings_from`)
and sent (:func:`..reports.survey_findings.send_findings`): a ledger item each,
once, and with OUTPUT_FOLDER a draft notice per holder with its map.
"""

from __future__ import annotations

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFile,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterString,
)

from .. import settings
from ..domain.dates import to_date
from ..domain.survey_findings import KINDS
from ..i18n import tr
from ..reports.fonts import FontError, choose_fonts
from ..reports.template import TemplateError, load_template
from .base import MineSupervisionAlgorithm, processing_errors, push_warnings


class SurveyFindingsAlgorithm(MineSupervisionAlgorithm):
    NAME = "surveyfindings"

    def displayName(self) -> str:  # noqa: N802
        return tr("Survey findings to the ledger and notice drafts")

    def shortHelpString(self) -> str:  # noqa: N802
        return tr(
            "Compares the survey round ROUND recorded in DATABASE with the licences there and writes each finding "
            "of the KINDS chosen (works beyond the licensed boundary; works above the licensed top or below the "
            "licensed bottom) as an open ledger item of its licence, its problem naming the round and the finding "
            "in Chinese. A finding already in the ledger (same licence, round and kind) is not written again: "
            "running twice adds nothing. With OUTPUT_FOLDER, a rectification-notice draft (PDF without a document "
            "number, with its map) per holder gathering that holder's findings. FOUND_DATE: the date of the "
            "ledger items (empty: the round's last survey date, else today)."
        )

    def initAlgorithm(self, config=None) -> None:  # noqa: N802
        self.add_database_parameter()
        self.addParameter(QgsProcessingParameterString("ROUND", tr("Survey round (e.g. 2026-2)")))
        self.addParameter(QgsProcessingParameterEnum(
            "KINDS", tr("Findings"), options=[tr("Works beyond the licensed boundary"),
                                               tr("Works beyond the licensed depth")],
            allowMultiple=True, defaultValue=[0, 1]))
        self.addParameter(QgsProcessingParameterString(
            "FOUND_DATE", tr("Date found (YYYY-MM-DD; empty: the round's last survey date)"), optional=True))
        self.addParameter(QgsProcessingParameterFolderDestination(
            "OUTPUT_FOLDER", tr("Folder for the notice drafts (empty: ledger only)"), optional=True,
            createByDefault=False))
        self.addParameter(QgsProcessingParameterFile(
            "TEMPLATE", tr("Notice template (JSON)"), behavior=QgsProcessingParameterFile.File,
            fileFilter=tr("JSON (*.json)"), optional=True))
        self.addOutput(QgsProcessingOutputNumber("FINDINGS", tr("Number of findings")))
        self.addOutput(QgsProcessingOutputNumber("ADDED", tr("Ledger items added")))
        self.addOutput(QgsProcessingOutputNumber("ALREADY", tr("Findings already in the ledger")))
        self.addOutput(QgsProcessingOutputNumber("NOTICES", tr("Notice drafts written")))
        self.addOutput(QgsProcessingOutputString("FILES", tr("PDF files")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        from ..analysis.survey_findings import SurveyRoundError, compare_stored_round, findings_from
        from ..reports.survey_findings import send_findings
        from ..store.survey_ledger import round_surveyed_at

        store = self.open_store(parameters, context)
        round_id = (self.parameterAsString(parameters, "ROUND", context) or "").strip()
        if not round_id:
            raise QgsProcessingException(tr("Give the survey round (e.g. 2026-2)."))
        kinds = [KINDS[i] for i in self.parameterAsEnums(parameters, "KINDS", context)] or list(KINDS)
        text = (self.parameterAsString(parameters, "FOUND_DATE", context) or "").strip()
        found_at = to_date(text) if text else None
        if text and found_at is None:
            raise QgsProcessingException(tr("FOUND_DATE {value} is not a date (YYYY-MM-DD).").format(value=text))
        folder = self.parameterAsString(parameters, "OUTPUT_FOLDER", context) if parameters.get("OUTPUT_FOLDER") else ""
        template = fonts = figure = None
        if folder:
            with processing_errors(TemplateError, FontError):
                template = load_template(self.parameterAsFile(parameters, "TEMPLATE", context)
                                         or settings.NOTICE_TEMPLATE.value())
                fonts = choose_fonts(settings.DOCUMENT_BODY_FONT.value(), settings.DOCUMENT_TITLE_FONT.value())
            push_warnings(feedback, fonts.messages)
            from ..reports.map_figure import render_figure

            crs = QgsCoordinateReferenceSystem(f"EPSG:{store.crs_epsg}")

            def figure(case):
                return render_figure(case, crs, font_path=str(fonts.body.file.path))

        feedback.setProgressText(tr("Comparing round {round} with the licences").format(round=round_id))
        with processing_errors(SurveyRoundError, OSError):
            comparison = compare_stored_round(store, round_id)
            findings, unmatched = findings_from(comparison, round_id, kinds)
            if found_at is None:
                found_at = round_surveyed_at(store, round_id)
            feedback.setProgress(40)
            sent = send_findings(store, findings, found_at=found_at, folder=folder or None, template=template,
                                 fonts=fonts, figure=figure)
        if unmatched:
            feedback.pushWarning(tr("{count} extents match no licence: no holder to serve, no ledger item "
                                    "(mining without a licence is a case for enforcement).").format(count=len(unmatched)))
        for finding, _fid in sent.ledger.added:
            feedback.pushInfo(tr("Ledger: {licence}: {problem}").format(licence=finding.license_no,
                                                                         problem=finding.problem))
        if sent.ledger.already:
            feedback.pushInfo(tr("Already in the ledger, not written again: {licences}").format(
                licences=", ".join(f.license_no for f in sent.ledger.already)))
        if sent.no_holder:
            feedback.pushWarning(tr("No holder recorded for {licences}: no notice draft for them.").format(
                licences=", ".join(sent.no_holder)))
        for notice in sent.notices:
            push_warnings(feedback, notice.warnings)
            feedback.pushInfo(tr("Notice draft for {holder} → {path}").format(holder=notice.holder, path=notice.path))
        return {"FINDINGS": len(findings), "ADDED": len(sent.ledger.added), "ALREADY": len(sent.ledger.already),
                "NOTICES": len(sent.notices), "FILES": ";".join(str(n.path) for n in sent.notices),
                "OUTPUT_FOLDER": folder or None}
