"""minesupervision:samplemines — the city's random spot-check draw (issue 11 item 5).

A thin face over :mod:`..domain.sampling`: it reads the mines of RIGHTS
(license_no, status, credit_status) and the licence numbers of FLAGGED, draws,
writes the list with why each mine was drawn and, when DATABASE is given,
records the draw in the database's audit log (:mod:`..store.spot_checks`) so
an auditor can redo it. The same SEED on the same mines gives the same list.
"""

from __future__ import annotations

import datetime as dt

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsFeatureSink,
    QgsProcessing,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from ..domain.sampling import DEFAULT_RATIO, Mine, SamplingError, draw_sample, stratum_label
from ..i18n import tr
from ..store.spot_checks import record_draw
from .base import DATABASE, MineSupervisionAlgorithm, database_file_filter, processing_errors, push_warnings, qgs_fields
from .columns import read_columns

RIGHTS_FIELDS = {
    "license_no": ("license_no",),
    "status": ("status",),
    "credit_status": ("credit_status",),
}
FLAGGED_FIELDS = {"license_no": ("license_no",)}


class SampleMinesAlgorithm(MineSupervisionAlgorithm):
    NAME = "samplemines"

    def displayName(self) -> str:  # noqa: N802
        return tr("Draw mines for a spot check")

    def shortHelpString(self) -> str:  # noqa: N802
        return tr(
            "Draws RATIO (at least 20 % by default) of the mines of RIGHTS for the city's random spot check, stratified "
            "by status, always including the mines whose holder is on the abnormal list or the serious-dishonesty "
            "list (credit_status, as code or label) and the licence numbers of FLAGGED (patches, audits...). The "
            "stratum field says why each mine was drawn. The draw is reproducible: each mine's place is the "
            "SHA-256 of \"SEED|license_no\"; the same SEED gives the same list. With DATABASE, the draw (date, who, "
            "seed, ratio, the list) is recorded in its audit log."
        )

    def initAlgorithm(self, config=None) -> None:  # noqa: N802
        tables = [QgsProcessing.TypeVector]
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                "RIGHTS", tr("Mining rights (license_no, status, credit_status)"), tables
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                "FLAGGED", tr("Flagged mines (license_no): patches, audit findings..."), tables, optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                "RATIO", tr("Share of the mines to draw"), QgsProcessingParameterNumber.Double,
                defaultValue=DEFAULT_RATIO, minValue=0.0, maxValue=1.0,
            )
        )
        self.addParameter(
            QgsProcessingParameterString("SEED", tr("Seed (the same seed gives the same draw)"), optional=True)
        )
        self.addParameter(
            QgsProcessingParameterFile(
                DATABASE, tr("Supervision database to record the draw in"),
                behavior=QgsProcessingParameterFile.File, fileFilter=database_file_filter(), optional=True,
            )
        )
        self.addParameter(QgsProcessingParameterFeatureSink("OUTPUT", tr("Mines drawn"), QgsProcessing.TypeVector))
        self.addOutput(QgsProcessingOutputString("SEED", tr("Seed used")))
        self.addOutput(QgsProcessingOutputNumber("DRAWN", tr("Number of mines drawn")))
        self.addOutput(QgsProcessingOutputNumber("POPULATION", tr("Number of mines drawn from")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        ratio = self.parameterAsDouble(parameters, "RATIO", context)
        seed = (self.parameterAsString(parameters, "SEED", context) or "").strip()
        if not seed:
            seed = dt.datetime.now().strftime("%Y%m%d%H%M%S")
            feedback.pushWarning(
                tr("No SEED given: drawn with seed {seed}; give SEED={seed} to draw the same list again.").format(
                    seed=seed
                )
            )
        rights = read_columns(self, parameters, "RIGHTS", context, feedback, RIGHTS_FIELDS, ("license_no", "status"))
        if rights.values["credit_status"] is None:
            feedback.pushWarning(
                tr("RIGHTS has no credit_status field: no mine is forced into the draw for its holder's credit.")
            )
        flagged = self._flagged(parameters, context, feedback)
        numbers = [str(v).strip() if v is not None else "" for v in rights.values["license_no"]]
        unknown_flags = sorted(flagged - set(numbers))
        if unknown_flags:
            feedback.pushWarning(
                tr("{count} flagged licence number(s) are not among the mining rights and cannot be drawn: {numbers}")
                .format(count=len(unknown_flags), numbers=", ".join(unknown_flags))
            )
        credits = rights.values["credit_status"]
        if credits is None:
            credits = [None] * len(numbers)
        mines = [
            Mine(number, status, credit, number in flagged)
            for number, status, credit in zip(numbers, rights.values["status"], credits)
        ]
        blank = [label for number, label in zip(numbers, rights.labels) if not number]
        if blank:
            feedback.pushWarning(
                tr("{count} mining right(s) have no licence number and are left out: {rows}").format(
                    count=len(blank), rows=", ".join(blank)
                )
            )
        with processing_errors(SamplingError):
            draw = draw_sample(mines, ratio, seed)
        push_warnings(feedback, draw.warnings)

        if parameters.get(DATABASE):
            store = self.open_store(parameters, context)
            with processing_errors():
                record_draw(store, draw, [m.license_no for m in mines if m.license_no])
            feedback.pushInfo(tr("The draw is recorded in the audit log of {path}.").format(path=store.shown))

        fields = qgs_fields(
            [
                ("license_no", QVariant.String, tr("Licence number")),
                ("stratum", QVariant.String, tr("Stratum")),
                ("reason", QVariant.String, tr("Why drawn")),
                ("status", QVariant.String, tr("Status")),
                ("draw_order", QVariant.Int, tr("Draw order")),
                ("draw_key", QVariant.String, tr("Draw key (SHA-256)")),
            ]
        )
        sink, dest_id = self.sink_or_fail(parameters, "OUTPUT", context, fields, QgsWkbTypes.NoGeometry, QgsCoordinateReferenceSystem())
        for order, pick in enumerate(draw.picks, start=1):
            feature = QgsFeature(fields)
            feature.setAttributes(
                [pick.license_no, pick.stratum, stratum_label(pick.stratum), pick.status, order, pick.draw_key]
            )
            sink.addFeature(feature, QgsFeatureSink.FastInsert)
        counts = ", ".join(f"{stratum}: {count}" for stratum, count in sorted(draw.counts().items()))
        feedback.pushInfo(
            tr("Drew {drawn} of {population} mines with seed {seed} and ratio {ratio} ({counts}).").format(
                drawn=len(draw.picks), population=draw.population, seed=seed, ratio=ratio, counts=counts
            )
        )
        return {"OUTPUT": dest_id, "SEED": seed, "DRAWN": len(draw.picks), "POPULATION": draw.population}

    def _flagged(self, parameters, context, feedback) -> set[str]:
        if self.parameterAsSource(parameters, "FLAGGED", context) is None:
            return set()
        flagged = read_columns(self, parameters, "FLAGGED", context, feedback, FLAGGED_FIELDS, ("license_no",))
        return {str(v).strip() for v in flagged.values["license_no"] if v is not None and str(v).strip()}
