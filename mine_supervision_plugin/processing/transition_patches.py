"""minesupervision:transitionpatches — move a list of patches one workflow step, with the form fields."""

from __future__ import annotations

import json

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterString,
)

from ..domain.licence import split_list
from ..domain.vocab import VOCABULARIES, display_label
from ..domain.workflow import STATES
from ..i18n import tr
from ..store.patches import get_patches, take_step
from .base import MineSupervisionAlgorithm, processing_errors

DETERMINATIONS: list[str] = list(VOCABULARIES["determination"])
VIOLATION_TYPES: list[str] = list(VOCABULARIES["violation_type"])
_TEXT_FIELDS = (
    ("FIELD_CHECK_DATE", "field_check_date"),
    ("INSPECTORS", "inspectors"),
    ("FINDING", "finding"),
    ("EVIDENCE", "evidence"),
    ("CASE_NO", "case_no"),
    ("NOTICE_NO", "notice_no"),
)
# Enum parameters whose index 0 means "unchanged": (parameter, field, codes of the other options).
_CHOICE_FIELDS = (
    ("DETERMINATION", "determination", DETERMINATIONS),
    ("VIOLATION_TYPE", "violation_type", VIOLATION_TYPES),
)


def split_patch_numbers(text: str) -> list[str]:
    """Patch numbers from a list separated by commas (also ，、；;) or white space."""
    return split_list(text)


class TransitionPatchesAlgorithm(MineSupervisionAlgorithm):
    NAME = "transitionpatches"

    def displayName(self) -> str:
        return tr("Move patches in the workflow")

    def shortHelpString(self) -> str:
        return tr(
            "Moves the listed patches to a workflow state (issued → field-verified → determined → case filed → "
            "rectifying → closed), writing the given verification-form fields with the move. Each patch is checked: "
            "no determination without a field check, a case only for an illegal determination, no closing without "
            "completed rectification (a legal or 'other' determination can be closed directly). Patches that may "
            "move are moved; refused ones are listed with their reasons (or none moves, with 'all or nothing'). "
            "The patches are read when the algorithm starts; one changed by another user before the move is written "
            "is refused, naming who changed what, and nothing of it is written. "
            "Each move is written to the patch's history with user, time and reason."
        )

    def initAlgorithm(self, config=None) -> None:
        self.add_database_parameter()
        self.addParameter(
            QgsProcessingParameterString("PATCH_NOS", tr("Patch numbers (comma-separated)"), multiLine=True)
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                "TO_STATE",
                tr("New state"),
                options=[f"{code} — {display_label('patch_state', code)}" for code in STATES],
            )
        )
        self.addParameter(QgsProcessingParameterString("REASON", tr("Reason")))
        self.addParameter(
            QgsProcessingParameterBoolean(
                "RECTIFICATION_COMPLETED", tr("Rectification and penalty completed"), defaultValue=False
            )
        )
        self.addParameter(
            QgsProcessingParameterBoolean(
                "ALL_OR_NOTHING", tr("All or nothing (move none when one is refused)"), defaultValue=False
            )
        )
        labels = {
            "FIELD_CHECK_DATE": tr("Field-check date (YYYY-MM-DD)"),
            "INSPECTORS": tr("Inspectors"),
            "FINDING": tr("Finding"),
            "EVIDENCE": tr("Evidence"),
            "CASE_NO": tr("Case number"),
            "NOTICE_NO": tr("Rectification notice number"),
            "DETERMINATION": tr("Determination"),
            "VIOLATION_TYPE": tr("Violation type"),
        }
        for name, _field in _TEXT_FIELDS:
            self.addParameter(QgsProcessingParameterString(name, labels[name], optional=True))
        # Index 0 leaves the stored value as it is, so a plain move never clears a form field.
        for name, field_name, codes in _CHOICE_FIELDS:
            self.addParameter(
                QgsProcessingParameterEnum(
                    name,
                    labels[name],
                    options=[tr("(unchanged)")] + [f"{c} — {display_label(field_name, c)}" for c in codes],
                    defaultValue=0,
                    optional=True,
                )
            )
        self.addOutput(QgsProcessingOutputString("DONE", tr("Patches moved")))
        self.addOutput(QgsProcessingOutputNumber("DONE_COUNT", tr("Number of patches moved")))
        self.addOutput(QgsProcessingOutputString("REFUSED", tr("Refused patches and reasons (JSON)")))
        self.addOutput(QgsProcessingOutputNumber("REFUSED_COUNT", tr("Number of patches refused")))

    def processAlgorithm(self, parameters, context, feedback):
        numbers = split_patch_numbers(self.parameterAsString(parameters, "PATCH_NOS", context))
        if not numbers:
            raise QgsProcessingException(tr("No patch numbers were given."))
        to_state = STATES[self.parameterAsEnum(parameters, "TO_STATE", context)]
        reason = self.parameterAsString(parameters, "REASON", context)
        updates = {}
        for name, field_name in _TEXT_FIELDS:
            value = self.parameterAsString(parameters, name, context).strip()
            if value:
                updates[field_name] = value
        for name, field_name, codes in _CHOICE_FIELDS:
            index = self.parameterAsEnum(parameters, name, context)
            if index:
                updates[field_name] = codes[index - 1]
        store = self.open_store(parameters, context)
        with processing_errors():
            # the patches as the batch found them: a concurrent change before the write refuses that patch
            expected = get_patches(store, numbers)
            report = take_step(
                store,
                numbers,
                to_state,
                reason=reason,
                updates=updates,
                rectification_completed=self.parameterAsBoolean(parameters, "RECTIFICATION_COMPLETED", context),
                all_or_nothing=self.parameterAsBoolean(parameters, "ALL_OR_NOTHING", context),
                expected=expected,
            )
        for number, reasons in report.refused.items():
            feedback.reportError(
                tr("{patch_no} refused: {reasons}").format(patch_no=number, reasons=" ".join(reasons)), False
            )
        feedback.pushInfo(
            tr("{done} of {total} patches moved to {state}.").format(
                done=len(report.done), total=len(numbers), state=to_state
            )
        )
        if not report.done and report.refused:
            # Nothing happened at all: a script or model must not carry on as if it had.
            raise QgsProcessingException(tr("No patch was moved; see the reasons above."))
        return {
            "DONE": ",".join(report.done),
            "DONE_COUNT": len(report.done),
            "REFUSED": json.dumps(report.refused, ensure_ascii=False),
            "REFUSED_COUNT": len(report.refused),
        }
