"""minesupervision:rectificationnotices — one rectification notice (PDF) per holder (issue 13).

A thin face: it reads the pre-judged PATCHES (prejudgment, license_no,
inside/outside areas, patch_no) and the RIGHTS (license_no, holder), groups the
findings by holder (:func:`..domain.notices.group_by_holder`) and makes one
core call per holder (:func:`..reports.issue.issue_notices`): the PDF with its
map rendered by QGIS and, with DATABASE, its number allocated, recorded and
linked to its patches; without DATABASE the notices are drafts.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeatureRequest,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFile,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterString,
)

from .. import settings
from ..domain.crs import gk_epsg
from ..domain.dates import to_date
from ..domain.notices import Finding, Licence, group_by_holder, licence_numbers
from ..i18n import tr
from ..qgis_values import python_value
from ..reports.fonts import FontError, choose_fonts
from ..reports.issue import issue_notices
from ..reports.template import TemplateError, load_template
from ..store.notices import NoticeError
from .base import DATABASE, MineSupervisionAlgorithm, database_file_filter, processing_errors, push_warnings
from .columns import find_field

PATCH_FIELDS = {
    "patch_no": ("patch_no", "TBBH"), "prejudgment": ("prejudgment",), "license_no": ("license_no",),
    "inside": ("inside_area_m2",), "outside": ("outside_area_m2",), "expired": ("expired_area_m2",),
    "area": ("area_m2",), "checked": ("field_check_date",), "found": ("date_after",), "place": ("place", "location", "zone_name"),
}
RIGHT_FIELDS = {"license_no": ("license_no",), "holder": ("holder",), "mine_name": ("mine_name",),
                "valid_from": ("valid_from",), "valid_to": ("valid_to",)}


class RectificationNoticesAlgorithm(MineSupervisionAlgorithm):
    NAME = "rectificationnotices"

    def displayName(self) -> str:  # noqa: N802
        return tr("Rectification notices (one PDF per holder)")

    def shortHelpString(self) -> str:  # noqa: N802
        return tr(
            "Writes one rectification notice (整改通知书, PDF in the GB/T 9704 layout, with its map and service "
            "receipt) per holder of a patch pre-judged out of bounds, on an expired licence, or unlicensed yet "
            "touching a licence, into OUTPUT_FOLDER. PATCHES: the pre-judgment's fields (prejudgment, license_no, "
            "inside_area_m2, outside_area_m2, patch_no); RIGHTS: license_no, holder and the licence boundaries. With "
            "DATABASE, each notice gets the next document number, is recorded and linked to its patches; without "
            "it, the notices are drafts without a number. The authority, number prefix, legal basis, contact and "
            "deadline come from the notice template (TEMPLATE, else the one chosen in the settings, else the "
            "plugin's resources/templates/notice.json)."
        )

    def initAlgorithm(self, config=None) -> None:  # noqa: N802
        self.addParameter(QgsProcessingParameterFeatureSource(
            "PATCHES", tr("Pre-judged patches"), [QgsProcessing.TypeVectorPolygon]))
        self.addParameter(QgsProcessingParameterFeatureSource(
            "RIGHTS", tr("Mining rights (license_no, holder)"), [QgsProcessing.TypeVectorPolygon]))
        self.addParameter(QgsProcessingParameterFolderDestination("OUTPUT_FOLDER", tr("Folder for the notices")))
        self.addParameter(QgsProcessingParameterFile(
            DATABASE, tr("Supervision database to number and record the notices in"),
            behavior=QgsProcessingParameterFile.File, fileFilter=database_file_filter(), optional=True))
        self.addParameter(QgsProcessingParameterMultipleLayers(
            "IMAGERY", tr("Imagery under the map figure"), QgsProcessing.TypeRaster, optional=True))
        self.addParameter(QgsProcessingParameterString(
            "ISSUE_DATE", tr("Issue date (YYYY-MM-DD; empty: today)"), optional=True))
        self.addParameter(QgsProcessingParameterFile(
            "TEMPLATE", tr("Notice template (JSON)"), behavior=QgsProcessingParameterFile.File,
            fileFilter=tr("JSON (*.json)"), optional=True))
        self.addOutput(QgsProcessingOutputNumber("NOTICES", tr("Notices written")))
        self.addOutput(QgsProcessingOutputString("NUMBERS", tr("Document numbers")))
        self.addOutput(QgsProcessingOutputString("FILES", tr("PDF files")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        folder = Path(self.parameterAsString(parameters, "OUTPUT_FOLDER", context))
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise QgsProcessingException(tr("The folder {path} cannot be made: {reason}").format(
                path=folder, reason=error)) from error
        issue_text = (self.parameterAsString(parameters, "ISSUE_DATE", context) or "").strip()
        issued_at = to_date(issue_text) if issue_text else dt.date.today()
        if issue_text and issued_at is None:
            raise QgsProcessingException(tr("ISSUE_DATE {value} is not a date (YYYY-MM-DD).").format(value=issue_text))
        with processing_errors(TemplateError, FontError):
            template = load_template(self.parameterAsFile(parameters, "TEMPLATE", context)
                                     or settings.NOTICE_TEMPLATE.value())
            fonts = choose_fonts(settings.DOCUMENT_BODY_FONT.value(), settings.DOCUMENT_TITLE_FONT.value())
        push_warnings(feedback, fonts.messages)
        rights_source = self._source(parameters, "RIGHTS", context)
        crs = rights_source.sourceCrs()
        if not crs.isValid() or crs.isGeographic():
            centre = rights_source.sourceExtent().center() if crs.isValid() else None
            crs = QgsCoordinateReferenceSystem(f"EPSG:{gk_epsg(centre.x()) if centre else 4526}")
        licences = {}
        for values, geometry in self._rows(rights_source, RIGHT_FIELDS, ("license_no", "holder"), crs, context, "RIGHTS"):
            number = str(values["license_no"] or "").strip()
            if number:
                licences[number] = Licence(number, str(values["holder"] or "").strip(), values["mine_name"] or "",
                                           to_date(values["valid_from"]), to_date(values["valid_to"]), geometry)
        findings = []
        patches = self._source(parameters, "PATCHES", context)
        required = ("patch_no", "prejudgment", "license_no", "inside", "outside")
        for values, geometry in self._rows(patches, PATCH_FIELDS, required, crs, context, "PATCHES"):
            findings.append(Finding(
                str(values["patch_no"] or ""), values["prejudgment"], licence_numbers(values["license_no"]),
                float(values["inside"] or 0), float(values["outside"] or 0), float(values["expired"] or 0),
                float(values["area"]) if values["area"] is not None else None,
                to_date(values["checked"]) or to_date(values["found"]),
                str(values["place"] or ""), geometry))
        cases, skipped = group_by_holder(findings, licences)
        self._report_skipped(feedback, skipped)
        if not cases:
            feedback.pushWarning(tr("No patch calls for a notice: nothing was written."))
            return {"OUTPUT_FOLDER": str(folder), "NOTICES": 0, "NUMBERS": "", "FILES": ""}

        store = self.open_store(parameters, context) if parameters.get(DATABASE) else None
        imagery = [layer.source() for layer in self.parameterAsLayerList(parameters, "IMAGERY", context)]
        from ..reports.map_figure import start_figure

        def figure(case):
            return start_figure(case, crs, imagery=imagery, font_path=str(fonts.body.file.path))

        def progress(index, notice):
            feedback.setProgress(100.0 * (index + 1) / len(cases))
            push_warnings(feedback, notice.warnings)
            return not feedback.isCanceled()

        with processing_errors(NoticeError, OSError):
            done = issue_notices(cases, template, fonts, folder, store=store, issued_at=issued_at,
                                 start_figure=figure, progress=progress)
        for notice in done:
            feedback.pushInfo(tr("{number}: {holder}, {count} patch(es) → {path}").format(
                number=notice.number, holder=notice.holder, count=len(notice.patch_nos), path=notice.path))
        if store is None:
            feedback.pushWarning(tr("No DATABASE: the notices are drafts without a document number."))
        return {"OUTPUT_FOLDER": str(folder), "NOTICES": len(done),
                "NUMBERS": ";".join(n.number for n in done), "FILES": ";".join(str(n.path) for n in done)}

    def _source(self, parameters, name, context):
        source = self.parameterAsSource(parameters, name, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, name))
        return source

    def _rows(self, source, wanted, required, crs, context, name):
        """Each feature's wanted values (by key) and its geometry as shapely in ``crs``."""
        import shapely

        names = source.fields().names()
        found = {key: find_field(names, *candidates) for key, candidates in wanted.items()}
        missing = [wanted[key][0] for key in required if found[key] is None]
        if missing:
            raise QgsProcessingException(tr("{input} lacks the field(s) {fields} (its fields: {present}).").format(
                input=name, fields=", ".join(missing), present=", ".join(names)))
        transform = QgsCoordinateTransform(source.sourceCrs(), crs, context.transformContext())
        for feature in source.getFeatures(QgsFeatureRequest()):
            values = {key: python_value(feature[field]) if field else None for key, field in found.items()}
            geometry = feature.geometry()
            shape = None
            if geometry is not None and not geometry.isEmpty():
                geometry.transform(transform)
                shape = shapely.from_wkb(bytes(geometry.asWkb()))
            yield values, shape

    def _report_skipped(self, feedback, skipped) -> None:
        no_holder = [s.patch_no for s in skipped if s.why == "no_holder"]
        unknown = [f"{s.patch_no} ({s.detail})" for s in skipped if s.why == "unknown_licence"]
        if no_holder:
            feedback.pushInfo(tr("{count} unlicensed patch(es) touch no licence: no holder to serve, a case for "
                                 "enforcement: {patches}").format(count=len(no_holder), patches=", ".join(no_holder)))
        if unknown:
            feedback.pushWarning(tr("{count} patch(es) name licences that are not among RIGHTS (or have no holder): "
                                    "{patches}").format(count=len(unknown), patches=", ".join(unknown)))
