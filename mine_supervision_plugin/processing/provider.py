"""The Processing provider ``minesupervision``: thin wrappers over the core."""

from __future__ import annotations

import importlib
from pathlib import Path

from qgis.core import Qgis, QgsMessageLog, QgsProcessingAlgorithm, QgsProcessingException, QgsProcessingProvider
from qgis.PyQt.QtGui import QIcon

from ..deps import check_dependencies
from ..i18n import tr

PROVIDER_ID = "minesupervision"


# (module, class, algorithm id, feature group): an algorithm whose packages are missing in the
# user's Python is replaced by one that says what to install (its module is never imported),
# so that a script or model calling it by id gets the reason, not "algorithm not found".
# To add an algorithm, add one line here.
ALGORITHMS: tuple[tuple[str, str, str, str | None], ...] = (
    ("create_database", "CreateDatabaseAlgorithm", "createdatabase", None),
    ("import_coordinates", "ImportCoordinatesAlgorithm", "importcoordinates", "analysis"),
    ("export_coordinates", "ExportCoordinatesAlgorithm", "exportcoordinates", "analysis"),
    ("import_patches", "ImportPatchesAlgorithm", "importpatches", "analysis"),
    ("transition_patches", "TransitionPatchesAlgorithm", "transitionpatches", "analysis"),
    ("prejudge_patches", "PrejudgePatchesAlgorithm", "prejudgepatches", "analysis"),
    ("prejudge_database", "PrejudgeDatabaseAlgorithm", "prejudgedatabase", "analysis"),
    ("inspection_compliance", "InspectionComplianceAlgorithm", "inspectioncompliance", None),
    ("sample_mines", "SampleMinesAlgorithm", "samplemines", None),
    ("import_patrols", "ImportPatrolsAlgorithm", "importpatrols", "analysis"),
    ("rectification_notices", "RectificationNoticesAlgorithm", "rectificationnotices", "documents"),
    ("import_survey", "ImportSurveyAlgorithm", "importsurvey", "analysis"),
    ("compare_survey", "CompareSurveyAlgorithm", "comparesurvey", "analysis"),
    ("ledger_algorithms", "ImportPenaltyCasesAlgorithm", "importpenaltycases", None),
    ("ledger_algorithms", "UpdateLedgerAlgorithm", "updateledger", "analysis"),
    ("ledger_algorithms", "ExportLedgerAlgorithm", "exportledger", None),
    ("record_review", "RecordReviewAlgorithm", "recordreview", None),
    ("ledger_algorithms", "RecordLedgerProgressAlgorithm", "recordledgerprogress", None),
    ("statistics_algorithms", "PatrolSummaryAlgorithm", "patrolsummary", "analysis"),
    ("statistics_algorithms", "TwoRatesAlgorithm", "tworates", "analysis"),
    ("survey_report", "SurveyReportAlgorithm", "surveyreport", "documents"),
    ("checkout_county", "CheckoutCountyAlgorithm", "checkoutcounty", None),
    ("checkout_county", "CheckinDatabaseAlgorithm", "checkindatabase", None),
    ("checkout_county", "ResolveCheckinAlgorithm", "resolvecheckin", None),
    ("create_login", "CreateLoginAlgorithm", "createlogin", None),
    ("push_database", "PushDatabaseAlgorithm", "pushdatabase", None),
    ("set_attachments_folder", "SetAttachmentsFolderAlgorithm", "setattachmentsfolder", None),
    ("survey_findings", "SurveyFindingsAlgorithm", "surveyfindings", "documents"),
    ("dsm_volumes", "DsmVolumesAlgorithm", "dsmvolumes", "analysis"),
)


class UnavailableAlgorithm(QgsProcessingAlgorithm):
    """Stands in for an algorithm whose Python packages are missing: running it reports why."""

    def __init__(self, algorithm_id: str, hint: str):
        super().__init__()
        self._id = algorithm_id
        self._hint = hint

    def createInstance(self):  # noqa: N802 - Qt API
        return UnavailableAlgorithm(self._id, self._hint)

    def name(self) -> str:
        return self._id

    def displayName(self) -> str:  # noqa: N802
        return tr("{name} (unavailable: Python packages missing)").format(name=self._id)

    def group(self) -> str:
        return tr("Unavailable")

    def groupId(self) -> str:  # noqa: N802
        return "unavailable"

    def shortHelpString(self) -> str:  # noqa: N802
        return self._hint

    def initAlgorithm(self, config=None):  # noqa: N802
        pass

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        raise QgsProcessingException(self._hint)


def _algorithms() -> list[QgsProcessingAlgorithm]:
    """One instance per algorithm: the real one when its packages are usable, else a stand-in."""
    dependencies = check_dependencies()
    algorithms = []
    for module_name, class_name, algorithm_id, feature in ALGORITHMS:
        if dependencies.available(feature):
            module = importlib.import_module(f"{__package__}.{module_name}")
            algorithms.append(getattr(module, class_name)())
        else:
            algorithms.append(UnavailableAlgorithm(algorithm_id, dependencies.install_hint()))
    if dependencies.missing:
        QgsMessageLog.logMessage(dependencies.install_hint(), tr("Mine supervision"), Qgis.Warning)
    return algorithms


class MineSupervisionProvider(QgsProcessingProvider):
    """Registers the plugin's batch algorithms with Processing."""

    def id(self) -> str:
        return PROVIDER_ID

    def name(self) -> str:
        return tr("Mine supervision")

    def longName(self) -> str:
        return self.name()

    def icon(self) -> QIcon:
        icon = Path(__file__).resolve().parent.parent / "resources" / "icons" / "mine.svg"
        return QIcon(str(icon)) if icon.exists() else QgsProcessingProvider.icon(self)

    def loadAlgorithms(self) -> None:
        for algorithm in _algorithms():
            self.addAlgorithm(algorithm)
