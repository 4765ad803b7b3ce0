"""minesupervision:recordreview — record a quarterly review (季度研判) in the supervision database."""

from __future__ import annotations

from qgis.core import QgsProcessingOutputNumber, QgsProcessingParameterNumber, QgsProcessingParameterString

from ..i18n import tr
from ..store.reviews import record_review
from .base import MineSupervisionAlgorithm, processing_errors


class RecordReviewAlgorithm(MineSupervisionAlgorithm):
    NAME = "recordreview"

    def displayName(self) -> str:  # noqa: N802
        return tr("Record a quarterly review")

    def shortHelpString(self) -> str:  # noqa: N802
        return tr(
            "Records the quarter's review of mine supervision (季度研判, seed 000): the day it was held, the quarter it "
            "reviews (e.g. 2026-Q1, 2026年第1季度; blank: the quarter of the day), who took part, its conclusion and the "
            "problems it found. inspectioncompliance with a DATABASE lists the quarters without a review."
        )

    def initAlgorithm(self, config=None) -> None:  # noqa: N802
        self.add_database_parameter()
        self.addParameter(QgsProcessingParameterString("REVIEWED_ON", tr("Date of the review (YYYY-MM-DD)")))
        self.addParameter(QgsProcessingParameterString("QUARTER", tr("Quarter reviewed (e.g. 2026-Q1)"), optional=True))
        self.addParameter(QgsProcessingParameterString("PARTICIPANTS", tr("Participants"), optional=True))
        self.addParameter(QgsProcessingParameterString("CONCLUSION", tr("Conclusion"), multiLine=True, optional=True))
        self.addParameter(QgsProcessingParameterNumber("PROBLEMS_FOUND", tr("Problems found"),
                                                       QgsProcessingParameterNumber.Integer, optional=True, minValue=0))
        self.addOutput(QgsProcessingOutputNumber("REVIEW_ID", tr("Review")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        store = self.open_store(parameters, context)
        problems = parameters.get("PROBLEMS_FOUND")
        with processing_errors():
            fid = record_review(
                store,
                self.parameterAsString(parameters, "REVIEWED_ON", context),
                quarter=self.parameterAsString(parameters, "QUARTER", context) or None,
                participants=self.parameterAsString(parameters, "PARTICIPANTS", context) or None,
                conclusion=self.parameterAsString(parameters, "CONCLUSION", context) or None,
                problems_found=None if problems in (None, "") else self.parameterAsInt(parameters, "PROBLEMS_FOUND",
                                                                                      context),
            )
        feedback.pushInfo(tr("Review recorded."))
        return {"REVIEW_ID": fid}
