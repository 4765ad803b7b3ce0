"""minesupervision:prejudgedatabase — pre-judge every patch of a supervision database in place."""

from __future__ import annotations

from qgis.core import QgsProcessingOutputNumber, QgsProcessingParameterNumber

from ..i18n import tr
from .base import MineSupervisionAlgorithm, processing_errors, push_warnings


class PrejudgeDatabaseAlgorithm(MineSupervisionAlgorithm):
    NAME = "prejudgedatabase"

    def displayName(self) -> str:
        return tr("Pre-judge the patches of a database")

    def shortHelpString(self) -> str:
        return tr(
            "Pre-judges every patch stored in a supervision database against its licences (validity on the "
            "patch's after-imagery date), the key monitoring zone list in force in the patch's year and the "
            "earlier years' patches, and stores the answers in the patches table in one transaction. "
            "To pre-judge layers without a database, use 'Pre-judge suspect patches'."
        )

    def initAlgorithm(self, config=None) -> None:
        self.add_database_parameter()
        self.addParameter(
            QgsProcessingParameterNumber(
                "TOLERANCE_M2", tr("Area tolerance (m²)"), QgsProcessingParameterNumber.Double, 1.0, minValue=0.0
            )
        )
        self.addOutput(QgsProcessingOutputNumber("JUDGED", tr("Patches pre-judged")))

    def processAlgorithm(self, parameters, context, feedback):
        from ..analysis.prejudge_store import prejudge_database
        from ..domain.vocab import display_label

        store = self.open_store(parameters, context)
        push_warnings(feedback, store.notes)  # e.g. an interrupted change rolled back on opening
        tolerance = self.parameterAsDouble(parameters, "TOLERANCE_M2", context)
        with processing_errors(ValueError):
            report = prejudge_database(
                store, tolerance_m2=tolerance, progress=feedback.setProgress, is_canceled=feedback.isCanceled
            )
        push_warnings(feedback, report.warnings)
        for code, count in sorted(report.counts.items()):
            feedback.pushInfo(tr("{label}: {count} patches").format(label=display_label("prejudgment", code), count=count))
        return {"DATABASE": store.kept_reference, "JUDGED": report.judged}
