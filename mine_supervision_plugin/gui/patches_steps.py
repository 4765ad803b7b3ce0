"""The workflow half of the patches dock: saving the form, the step buttons and batch steps.

A mixin of :class:`.patches_dock.PatchesDock`. Every step goes through one
use case of the store, :func:`~..store.patches.take_step` (the form's fields,
the move and its photos in one transaction) or, for the selected rows,
:func:`~..store.patches.transition_patches`; the reason is asked from the
user (``ask_reason``), and whether rectification must be confirmed is the
workflow's answer (:func:`~..domain.workflow.rectification_required`).
Refusals are shown in the message bar with their reasons. It relies on the
dock for ``context``, ``form``, ``_record`` and ``selected_patch_nos``.
"""

from __future__ import annotations

from qgis.core import Qgis, QgsMessageLog
from qgis.PyQt.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton

from ..domain.vocab import display_label as label
from ..domain.workflow import (
    STATES,
    TransitionError,
    allowed_targets,
    check_transition,
    check_updates,
    current_state,
    rectification_may_be_required,
    rectification_required,
)
from ..i18n import tr
from ..store.database import StoreError
from ..store.patches import EVENTS, PATCHES, PHOTOS, get_patches, take_step, transition_patches
from ..store.versions import ConcurrentEditError
from .verification_dialog import save_form

LOG_TAG = "Mine supervision"
#: Refused patches listed in the message bar; the full list goes to the message log.
MAX_LISTED = 8


class PatchStepsMixin:
    """Form saving and workflow steps of the patches dock (see the module's docstring)."""

    # ------------------------------------------------------------------ building
    def _build_steps(self, body) -> tuple[QHBoxLayout, QHBoxLayout]:
        """The current patch's label, the step buttons' row and the batch row; returns the two rows."""
        self.current_label = QLabel(body)
        self.current_label.setWordWrap(True)
        self.steps_layout = QHBoxLayout()
        self.steps_layout.setContentsMargins(0, 0, 0, 0)
        steps = QHBoxLayout()
        steps.addWidget(QLabel(tr("Next step:"), body))
        steps.addLayout(self.steps_layout, 1)

        self.selection_label = QLabel(body)
        self.batch_combo = QComboBox(body)
        for state in STATES[1:]:
            self.batch_combo.addItem(label("patch_state", state), state)
        self.batch_button = QPushButton(tr("Apply to selected…"), body)
        self.batch_button.setToolTip(
            tr("Move every selected patch to this state; refused ones are listed with reasons")
        )
        batch = QHBoxLayout()
        batch.addWidget(self.selection_label, 1)
        batch.addWidget(self.batch_combo)
        batch.addWidget(self.batch_button)
        return steps, batch

    # ------------------------------------------------------------------ verification form
    def save_verification(self) -> bool:
        """Save the form of the current patch without a workflow step."""
        store = self.context.store
        if store is None or self._record is None:
            return False
        doubts: list[str] = []
        try:
            changed, photos = save_form(store, self.form, doubts)
        except TransitionError as error:
            self._refused(self.current_patch_no(), None, error.reasons)
            return False
        except ConcurrentEditError as error:
            self._changed_by_someone_else(self.current_patch_no(), None, error)
            return False
        except (StoreError, RuntimeError) as error:
            self.context.error(
                tr("The verification of patch {patch_no} was not saved: {error}").format(
                    patch_no=self.current_patch_no(), error=error
                )
            )
            return False
        if not changed and not photos:
            return True
        self.form.set_patch(None)  # saved: nothing of it is carried over by the reload
        self.context.success(tr("Verification of patch {patch_no} saved.").format(patch_no=self.current_patch_no()))
        if doubts:
            self.context.warning(" ".join(doubts))
        self._written(photos=bool(photos))
        return True

    # ------------------------------------------------------------------ workflow
    def _rebuild_step_buttons(self) -> None:
        while self.steps_layout.count():
            item = self.steps_layout.takeAt(0)
            widget = item.widget()
            if widget is not None:
                # Off screen at once: deleteLater alone leaves it drawn until the event loop comes back.
                widget.hide()
                widget.setParent(None)
                widget.deleteLater()
        self.step_buttons = {}
        record = self._record
        if record is None:
            return
        for target in allowed_targets(current_state(record)):
            button = QPushButton(tr("→ {state}").format(state=label("patch_state", target)), self.widget())
            button.setToolTip(
                tr("Move patch {patch_no} to {state}; the form's changes are saved with the step").format(
                    patch_no=record.get("patch_no"), state=label("patch_state", target)
                )
            )
            button.clicked.connect(lambda _checked=False, state=target: self.transition_current(state))
            self.steps_layout.addWidget(button)
            self.step_buttons[target] = button
        if not self.step_buttons:
            self.steps_layout.addWidget(QLabel(tr("none (closed)"), self.widget()))
        self.steps_layout.addStretch(1)

    def transition_current(self, to_state: str):
        """Move the current patch to ``to_state`` with the form's changes; returns the TransitionReport or None."""
        store, record = self.context.store, self._record
        if store is None or record is None:
            return None
        patch_no = record["patch_no"]
        updates = self.form.changed_values()
        ask_rectification = rectification_required(current_state(record), to_state)
        # Checked before asking for a reason; the store checks again when writing.
        reasons = check_updates(record, updates) + check_transition(
            {**record, **updates}, to_state, rectification_completed=ask_rectification
        )
        if reasons:
            self._refused(patch_no, to_state, reasons)
            return None
        answer = self.ask_reason(
            self,
            tr("Workflow step"),
            tr("Move patch {patch_no} from {from_state} to {to_state}.").format(
                patch_no=patch_no,
                from_state=label("patch_state", current_state(record)),
                to_state=label("patch_state", to_state),
            ),
            ask_rectification=ask_rectification,
            require_rectification=ask_rectification,
        )
        if answer is None:
            return None
        try:
            report = take_step(
                store,
                [patch_no],
                to_state,
                reason=answer.reason,
                updates=updates,
                photos=self.form.pending_photos(),
                rectification_completed=answer.rectification_completed,
                expected={patch_no: record},  # the patch as this user read it: another user's change is not overwritten
            )
        except TransitionError as error:
            self._refused(patch_no, to_state, error.reasons)
            return None
        except (StoreError, RuntimeError) as error:
            self.context.error(tr("Patch {patch_no} was not moved: {error}").format(patch_no=patch_no, error=error))
            return None
        if report.done:
            self.form.set_patch(None)  # saved with the step: nothing of it is carried over by the reload
            self.context.success(
                tr("Patch {patch_no} moved to {state}.").format(patch_no=patch_no, state=label("patch_state", to_state))
            )
            if report.warnings:
                self.context.warning(" ".join(report.warnings))
            self._written(photos=bool(report.photos.get(patch_no)))
        elif patch_no in report.conflicts:
            self._changed_by_someone_else(patch_no, to_state, ConcurrentEditError([report.conflicts[patch_no]]))
        else:
            self._refused(patch_no, to_state, report.refused.get(patch_no, []))
        return report

    def transition_selected(self, to_state: str | None = None):
        """Move every selected patch to ``to_state``; report moved and refused ones. Returns the TransitionReport."""
        store = self.context.store
        to_state = to_state or self.batch_combo.currentData()
        numbers = self.selected_patch_nos()
        if store is None or not numbers or not to_state:
            self.context.info(tr("Select the patches to move first."))
            return None
        try:
            # the patches as the user chose them: one another user changes while the reason is typed is refused
            expected = get_patches(store, numbers)
        except StoreError as error:
            self.context.error(tr("No patch was moved: {error}").format(error=error))
            return None
        answer = self.ask_reason(
            self,
            tr("Workflow step for {count} patches").format(count=len(numbers)),
            tr(
                "Move the {count} selected patches to {state}. Patches that may not take this step are left as they are and listed."
            ).format(count=len(numbers), state=label("patch_state", to_state)),
            ask_rectification=rectification_may_be_required(to_state),
        )
        if answer is None:
            return None
        try:
            report = transition_patches(
                store, numbers, to_state, reason=answer.reason, rectification_completed=answer.rectification_completed,
                expected=expected,
            )
        except TransitionError as error:
            self.context.warning(" ".join(error.reasons))
            return None
        except (StoreError, RuntimeError) as error:
            self.context.error(tr("No patch was moved: {error}").format(error=error))
            return None
        self._report_batch(report, to_state)
        if report.done:
            self._written()
        return report

    def _report_batch(self, report, to_state: str) -> None:
        state = label("patch_state", to_state)
        if not report.refused:
            self.context.success(tr("{count} patches moved to {state}.").format(count=len(report.done), state=state))
            return
        lines = [f"{number}: {' '.join(reasons)}" for number, reasons in report.refused.items()]
        shown = "; ".join(lines[:MAX_LISTED])
        if len(lines) > MAX_LISTED:
            shown += " " + tr("… and {count} more (see the message log).").format(count=len(lines) - MAX_LISTED)
        text = tr("{done} patches moved to {state}, {refused} refused: {details}").format(
            done=len(report.done), state=state, refused=len(report.refused), details=shown
        )
        QgsMessageLog.logMessage(
            tr("Refused moves to {state}:").format(state=state) + "\n" + "\n".join(lines), LOG_TAG, Qgis.Warning
        )
        self.context.warning(text)

    def _refused(self, patch_no: str | None, to_state: str | None, reasons: list[str]) -> None:
        if to_state is None:
            text = tr("Patch {patch_no} was not saved: {reasons}").format(patch_no=patch_no, reasons=" ".join(reasons))
        else:
            text = tr("Patch {patch_no} cannot move to {state}: {reasons}").format(
                patch_no=patch_no, state=label("patch_state", to_state), reasons=" ".join(reasons)
            )
        QgsMessageLog.logMessage(text, LOG_TAG, Qgis.Warning)
        self.context.warning(text)

    def _changed_by_someone_else(self, patch_no: str | None, to_state: str | None, error: ConcurrentEditError) -> None:
        """Say whose change refused the save, and show the patch as now stored with this user's edits kept."""
        self._refused(patch_no, to_state, [str(error)])
        self._load_current(patch_no, keep_edits=True)

    def _written(self, *, photos: bool = False) -> None:
        """Tell everyone (this dock included) that patches and their events changed."""
        self.context.dataChanged.emit(PATCHES)
        self.context.dataChanged.emit(EVENTS)
        if photos:
            self.context.dataChanged.emit(PHOTOS)
