"""The verification form of a patch, and the small dialogs of the patch workflow.

* :class:`VerificationForm`: field-check date, inspectors, finding,
  determination (合法 / 违法 / 其他), violation type, evidence, case and notice
  numbers, photos. A plain widget: it reads and returns values, the caller
  writes them (the patches dock embeds it; :class:`VerificationDialog` wraps
  it in a dialog of its own).
* :func:`save_form`: writing the form without a workflow move, through
  :func:`~..store.patches.update_patch_fields` and
  :func:`~..store.patches.add_patch_photos`. The workflow rules still apply
  (:func:`~..domain.workflow.check_updates`): a determination, once made, is
  changed only by correcting its event.
* :func:`ask_reason` and :func:`ask_correction`: the reason every workflow
  step and correction needs (seed 003: full-process record).
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from qgis.gui import QgsDateEdit
from qgis.PyQt.QtCore import QDate, Qt, QUrl, pyqtSignal
from qgis.PyQt.QtGui import QDesktopServices
from qgis.PyQt.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..domain.dates import to_date
from ..domain.vocab import display_label as label
from ..domain.vocab import display_labels
from ..domain.workflow import (
    FORM_FIELDS,
    TransitionError,
    allowed_targets,
    current_state,
    determination_locked,
    form_value_changed,
    rectification_required,
)
from ..i18n import tr
from ..store.database import StoreError, SupervisionStore
from ..store.patches import PATCHES, PHOTOS, add_patch_photos, get_patch, patch_photos, update_patch_fields

PHOTO_PATTERNS = "*.jpg *.jpeg *.JPG *.JPEG *.png *.PNG *.tif *.tiff *.heic *.HEIC"


# --- the form -----------------------------------------------------------------------------


class VerificationForm(QWidget):
    """The field-check and determination fields of one patch.

    ``changed`` is emitted on every edit; ``saveRequested`` when the user
    presses Save. :meth:`changed_values` gives only the fields that differ
    from the patch as loaded, in the form :func:`transition_patches` takes as
    ``updates``.
    """

    changed = pyqtSignal()
    saveRequested = pyqtSignal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._patch: dict | None = None
        self._loading = False
        self._stored_photos: list[dict] = []

        self.date_edit = QgsDateEdit(self)
        self.date_edit.setAllowNull(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.clear()
        self.today_button = QPushButton(tr("Today"), self)
        self.today_button.setToolTip(tr("Set the field-check date to today"))
        date_row = QHBoxLayout()
        date_row.setContentsMargins(0, 0, 0, 0)
        date_row.addWidget(self.date_edit, 1)
        date_row.addWidget(self.today_button)

        self.inspectors_edit = QLineEdit(self)
        self.inspectors_edit.setPlaceholderText(tr("Names of the inspectors, separated by commas"))
        self.finding_edit = QPlainTextEdit(self)
        self.finding_edit.setPlaceholderText(tr("What the field check found"))
        self.finding_edit.setMaximumHeight(70)

        self.determination_combo = QComboBox(self)
        self.determination_combo.addItem("", None)
        for code, text in display_labels("determination").items():
            self.determination_combo.addItem(text, code)
        self.violation_combo = QComboBox(self)
        self.violation_combo.addItem("", None)
        for code, text in display_labels("violation_type").items():
            self.violation_combo.addItem(text, code)

        self.evidence_edit = QPlainTextEdit(self)
        self.evidence_edit.setPlaceholderText(tr("Evidence: documents, measurements, statements"))
        self.evidence_edit.setMaximumHeight(70)
        self.case_edit = QLineEdit(self)
        self.case_edit.setPlaceholderText(tr("Needed to file a case"))
        self.notice_edit = QLineEdit(self)

        self.photo_list = QListWidget(self)
        self.photo_list.setMaximumHeight(90)
        self.photo_list.setSelectionMode(QListWidget.ExtendedSelection)
        self.add_photos_button = QPushButton(tr("Add photos…"), self)
        self.remove_photo_button = QPushButton(tr("Remove"), self)
        self.remove_photo_button.setToolTip(tr("Remove photos not saved yet; saved photos stay in the record"))
        photo_buttons = QVBoxLayout()
        photo_buttons.addWidget(self.add_photos_button)
        photo_buttons.addWidget(self.remove_photo_button)
        photo_buttons.addStretch(1)
        photo_row = QHBoxLayout()
        photo_row.setContentsMargins(0, 0, 0, 0)
        photo_row.addWidget(self.photo_list, 1)
        photo_row.addLayout(photo_buttons)

        self.save_button = QPushButton(tr("Save"), self)
        self.save_button.setToolTip(tr("Save the form without a workflow step"))
        self.revert_button = QPushButton(tr("Revert"), self)
        self.status_label = QLabel(self)
        self.status_label.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status_label, 1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)

        form = QFormLayout()
        form.addRow(tr("Field-check date"), date_row)
        form.addRow(tr("Inspectors"), self.inspectors_edit)
        form.addRow(tr("Finding"), self.finding_edit)
        form.addRow(tr("Determination"), self.determination_combo)
        form.addRow(tr("Violation type"), self.violation_combo)
        form.addRow(tr("Evidence"), self.evidence_edit)
        form.addRow(tr("Case number"), self.case_edit)
        form.addRow(tr("Notice number"), self.notice_edit)
        form.addRow(tr("Photos"), photo_row)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)

        self.date_edit.dateValueChanged.connect(self._edited)
        self.today_button.clicked.connect(lambda: self.date_edit.setDate(QDate.currentDate()))
        for edit in (self.inspectors_edit, self.case_edit, self.notice_edit):
            edit.textChanged.connect(self._edited)
        for edit in (self.finding_edit, self.evidence_edit):
            edit.textChanged.connect(self._edited)
        self.determination_combo.currentIndexChanged.connect(self._determination_changed)
        self.violation_combo.currentIndexChanged.connect(self._edited)
        self.add_photos_button.clicked.connect(self.choose_photos)
        self.remove_photo_button.clicked.connect(self.remove_pending_photos)
        self.photo_list.itemDoubleClicked.connect(self._open_photo)
        self.save_button.clicked.connect(self.saveRequested)
        self.revert_button.clicked.connect(self.revert)
        self.set_patch(None)

    # -- loading ---------------------------------------------------------------------
    def set_patch(self, patch: dict | None, photos: list[dict] | None = None) -> None:
        """Show ``patch`` (a dict of its stored fields) and its stored photos; ``None`` empties the form."""
        self._patch = dict(patch) if patch else None
        self._stored_photos = list(photos or [])
        self._loading = True
        try:
            self._fill(self._patch or {})
            self.photo_list.clear()
            for photo in self._stored_photos:
                item = QListWidgetItem(os.path.basename(photo.get("photo_path") or ""))
                item.setToolTip(photo.get("photo_path") or "")
                item.setData(Qt.UserRole, photo.get("photo_path"))
                item.setData(Qt.UserRole + 1, True)  # stored
                self.photo_list.addItem(item)
        finally:
            self._loading = False
        enabled = self._patch is not None
        for widget in self.findChildren(QWidget):
            if widget is not self.status_label:
                widget.setEnabled(enabled)
        if enabled:
            locked = determination_locked(self._patch)
            self.determination_combo.setEnabled(not locked)
            tip = (
                tr("Fixed once the patch is determined: correct the determination step to change it.") if locked else ""
            )
            self.determination_combo.setToolTip(tip)
            self._update_violation_enabled(locked)
        self._update_status()

    def _fill(self, values: Mapping) -> None:
        date = to_date(values.get("field_check_date"))
        if date is not None:
            self.date_edit.setDate(QDate(date.year, date.month, date.day))
        else:
            self.date_edit.clear()
        self.inspectors_edit.setText(values.get("inspectors") or "")
        self.finding_edit.setPlainText(values.get("finding") or "")
        self._select_code(self.determination_combo, values.get("determination"))
        self._select_code(self.violation_combo, values.get("violation_type"))
        self.evidence_edit.setPlainText(values.get("evidence") or "")
        self.case_edit.setText(values.get("case_no") or "")
        self.notice_edit.setText(values.get("notice_no") or "")

    @staticmethod
    def _select_code(combo: QComboBox, code) -> None:
        index = combo.findData(code) if code else 0
        if index < 0:  # an unknown value is shown as it is, so it is not lost silently
            combo.addItem(str(code), code)
            index = combo.count() - 1
        combo.setCurrentIndex(index)

    # -- values ---------------------------------------------------------------------
    def patch(self) -> dict | None:
        return self._patch

    def patch_no(self) -> str | None:
        return self._patch.get("patch_no") if self._patch else None

    def values(self) -> dict:
        """Every form field (``FORM_FIELDS``) as entered: dates as ``datetime.date``, blanks as None."""
        date = self.date_edit.date()
        return {
            "field_check_date": None
            if self.date_edit.isNull() or date.isNull() or not date.isValid()
            else date.toPyDate(),
            "inspectors": self.inspectors_edit.text().strip() or None,
            "finding": self.finding_edit.toPlainText().strip() or None,
            "determination": self.determination_combo.currentData(),
            "violation_type": self.violation_combo.currentData(),
            "evidence": self.evidence_edit.toPlainText().strip() or None,
            "case_no": self.case_edit.text().strip() or None,
            "notice_no": self.notice_edit.text().strip() or None,
        }

    def set_values(self, values: Mapping) -> None:
        """Fill some fields (names of ``FORM_FIELDS``), as a user would."""
        merged = {**self.values(), **values}
        self._fill(merged)
        locked = determination_locked(self._patch)
        self._update_violation_enabled(locked)
        self._edited()

    def changed_values(self) -> dict:
        """The fields whose value differs from the patch as loaded."""
        if self._patch is None:
            return {}
        result = {}
        for name, value in self.values().items():
            if name not in FORM_FIELDS:
                continue
            if form_value_changed(self._patch.get(name), value):
                result[name] = value
        return result

    def loaded_patch(self) -> dict | None:
        """The patch as read when the form was filled: a save is refused if another user changed it since."""
        return dict(self._patch) if self._patch else None

    def pending_photos(self) -> list[str]:
        """Photo files added in the form and not saved yet."""
        return [
            self.photo_list.item(i).data(Qt.UserRole)
            for i in range(self.photo_list.count())
            if not self.photo_list.item(i).data(Qt.UserRole + 1)
        ]

    def stored_photos(self) -> list[dict]:
        return list(self._stored_photos)

    def is_dirty(self) -> bool:
        return bool(self.changed_values() or self.pending_photos())

    # -- photos ------------------------------------------------------------------------
    def add_photo_paths(self, paths: Iterable[str]) -> None:
        present = {self.photo_list.item(i).data(Qt.UserRole) for i in range(self.photo_list.count())}
        for path in paths:
            path = os.path.abspath(path)
            if path in present:
                continue
            present.add(path)
            item = QListWidgetItem("＋ " + os.path.basename(path))
            item.setToolTip(path)
            item.setData(Qt.UserRole, path)
            item.setData(Qt.UserRole + 1, False)
            self.photo_list.addItem(item)
        self._edited()

    def choose_photos(self) -> None:
        images, every_file = tr("Images"), tr("All files")
        file_filter = f"{images} ({PHOTO_PATTERNS});;{every_file} (*)"
        paths, _filter = QFileDialog.getOpenFileNames(self, tr("Photos of the field check"), "", file_filter)
        if paths:
            self.add_photo_paths(paths)

    def remove_pending_photos(self) -> None:
        for item in self.photo_list.selectedItems():
            if not item.data(Qt.UserRole + 1):
                self.photo_list.takeItem(self.photo_list.row(item))
        self._edited()

    def _open_photo(self, item: QListWidgetItem) -> None:
        path = item.data(Qt.UserRole)
        if path and os.path.exists(path):
            QDesktopServices.openUrl(QUrl.fromLocalFile(path))

    # -- reactions -------------------------------------------------------------------
    def revert(self) -> None:
        self.set_patch(self._patch, self._stored_photos)
        self.changed.emit()

    def _determination_changed(self) -> None:
        locked = determination_locked(self._patch)
        self._update_violation_enabled(locked)
        self._edited()

    def _update_violation_enabled(self, locked: bool) -> None:
        determination = self.determination_combo.currentData()
        if determination == "legal" and not locked and self.violation_combo.currentIndex() != 0:
            self.violation_combo.setCurrentIndex(0)  # a legal patch carries no violation type
        self.violation_combo.setEnabled(self._patch is not None and not locked and determination != "legal")

    def _edited(self, *args) -> None:
        if self._loading:
            return
        self._update_status()
        self.changed.emit()

    def _update_status(self) -> None:
        if self._patch is None:
            self.status_label.setText(tr("No patch selected."))
        elif self.is_dirty():
            self.status_label.setText(tr("Unsaved changes."))
        else:
            self.status_label.setText("")
        self.save_button.setEnabled(self._patch is not None and self.is_dirty())
        self.revert_button.setEnabled(self._patch is not None and self.is_dirty())


def save_form(
    store: SupervisionStore, form: VerificationForm, warnings: list[str] | None = None
) -> tuple[dict, list[int]]:
    """Save the form's changed fields and pending photos of its patch; return (fields written, photo fids).

    Raises :class:`TransitionError` when a field may not be written; photos
    are then not written either. What the photos' EXIF tags put in doubt goes
    to ``warnings`` (see :func:`~..store.patches.add_patch_photos`).
    """
    patch_no = form.patch_no()
    if not patch_no:
        return {}, []
    changed = (
        update_patch_fields(store, patch_no, form.changed_values(), expected=form.loaded_patch())
        if form.changed_values()
        else {}
    )
    photos = add_patch_photos(store, patch_no, form.pending_photos(), warnings=warnings)
    return changed, photos


class VerificationDialog(QDialog):
    """The verification form of one patch in a dialog of its own; OK saves (no workflow step)."""

    def __init__(self, context, patch_no: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(tr("Field verification of patch {patch_no}").format(patch_no=patch_no))
        self.form = VerificationForm(self)
        self.form.save_button.hide()
        store = context.store
        patch = get_patch(store, patch_no) if store is not None else None
        if patch is not None:
            patch.pop("geometry", None)
        self.form.set_patch(patch, patch_photos(store, patch_no) if patch else [])
        self.buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(self.buttons)

    def accept(self) -> None:
        doubts: list[str] = []
        try:
            changed, photos = save_form(self.context.store, self.form, doubts)
        except TransitionError as error:
            self.context.warning(" ".join(error.reasons))
            return
        except (StoreError, RuntimeError) as error:
            self.context.error(str(error))
            return
        if doubts:
            self.context.warning(" ".join(doubts))
        if changed or photos:
            self.context.dataChanged.emit(PATCHES)
            if photos:
                self.context.dataChanged.emit(PHOTOS)
        super().accept()


# --- reasons ------------------------------------------------------------------------------


@dataclass
class ReasonAnswer:
    """What the user gave for a workflow step: the reason, and for closing whether rectification is complete."""

    reason: str
    rectification_completed: bool = False


class ReasonDialog(QDialog):
    """Asks the reason of a workflow step (required), optionally whether rectification is complete."""

    def __init__(self, title: str, prompt: str, *, ask_rectification: bool = False, default: str = "",
                 require_rectification: bool = False, parent=None):
        super().__init__(parent)
        # Closing a patch with a case: the step is only allowed with rectification and penalty completed,
        # so OK waits for the tick instead of closing the dialog on a refusal (and losing the typed reason).
        self._require_rectification = require_rectification
        self.setWindowTitle(title)
        self.prompt_label = QLabel(prompt, self)
        self.prompt_label.setWordWrap(True)
        self.reason_edit = QPlainTextEdit(self)
        self.reason_edit.setPlaceholderText(tr("Why this step is taken (required)"))
        self.reason_edit.setPlainText(default)
        self.reason_edit.setMaximumHeight(80)
        self.rectification_check = QCheckBox(tr("Rectification and penalty are completed"), self)
        self.rectification_check.setVisible(ask_rectification)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.prompt_label)
        layout.addWidget(self.reason_edit)
        layout.addWidget(self.rectification_check)
        layout.addWidget(self.buttons)
        self.reason_edit.textChanged.connect(self._update)
        self.rectification_check.toggled.connect(self._update)
        self._update()

    def _update(self) -> None:
        ok = bool(self.reason_edit.toPlainText().strip())
        if self._require_rectification:
            ok = ok and self.rectification_check.isChecked()
        self.buttons.button(QDialogButtonBox.Ok).setEnabled(ok)
        self.buttons.button(QDialogButtonBox.Ok).setToolTip(
            tr("A patch with a case is closed only when rectification and penalty are completed.")
            if self._require_rectification and not self.rectification_check.isChecked() else ""
        )

    def answer(self) -> ReasonAnswer:
        return ReasonAnswer(self.reason_edit.toPlainText().strip(), self.rectification_check.isChecked())


def ask_reason(
    parent, title: str, prompt: str, *, ask_rectification: bool = False, default: str = "",
    require_rectification: bool = False,
) -> ReasonAnswer | None:
    """Ask the reason of a step in a modal dialog; None when cancelled."""
    dialog = ReasonDialog(title, prompt, ask_rectification=ask_rectification, default=default,
                          require_rectification=require_rectification, parent=parent)
    try:
        if dialog.exec_() != QDialog.Accepted:
            return None
        return dialog.answer()
    finally:
        dialog.deleteLater()


@dataclass
class CorrectionAnswer:
    to_state: str
    reason: str
    rectification_completed: bool = False


class CorrectionDialog(QDialog):
    """Correct the latest event of a patch: going back (undo) or to another allowed state, with a reason."""

    def __init__(self, event: Mapping, patch: Mapping, parent=None):
        super().__init__(parent)
        self.setWindowTitle(tr("Correct the last step of patch {patch_no}").format(patch_no=patch.get("patch_no")))
        from_state, to_state = event.get("from_state"), event.get("to_state")
        when = event.get("event_time")
        when_text = when.strftime("%Y-%m-%d %H:%M") if isinstance(when, dt.datetime) else str(when or "")
        description = QLabel(
            tr("Step {fid}: {from_state} → {to_state}, by {user} at {time}. Reason: {reason}").format(
                fid=event.get("fid"),
                from_state=label("patch_state", from_state),
                to_state=label("patch_state", to_state),
                user=event.get("user_name") or "",
                time=when_text,
                reason=event.get("reason") or "",
            ),
            self,
        )
        description.setWordWrap(True)
        note = QLabel(tr("The step stays in the history; the correction is recorded as a new step."), self)
        note.setWordWrap(True)
        self.target_combo = QComboBox(self)
        current = current_state(patch)
        targets = [from_state] + [s for s in allowed_targets(from_state) if s not in (from_state, current)]
        for state in targets:
            text = label("patch_state", state)
            if state == from_state:
                text = tr("{state} (undo the step)").format(state=text)
            self.target_combo.addItem(text, state)
        self.reason_edit = QPlainTextEdit(self)
        self.reason_edit.setPlaceholderText(tr("Why the step is corrected (required)"))
        self.reason_edit.setMaximumHeight(80)
        self.rectification_check = QCheckBox(tr("Rectification and penalty are completed"), self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(tr("Go to state"), self.target_combo)
        form.addRow(tr("Reason"), self.reason_edit)
        layout = QVBoxLayout(self)
        layout.addWidget(description)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.rectification_check)
        layout.addWidget(self.buttons)
        self.reason_edit.textChanged.connect(self._update)
        self.target_combo.currentIndexChanged.connect(self._update)
        self._from_state = from_state
        self._update()

    def _update(self) -> None:
        target = self.target_combo.currentData()
        self.rectification_check.setVisible(rectification_required(self._from_state, target))
        ok = bool(self.reason_edit.toPlainText().strip()) and target is not None
        self.buttons.button(QDialogButtonBox.Ok).setEnabled(ok)

    def answer(self) -> CorrectionAnswer:
        return CorrectionAnswer(
            self.target_combo.currentData(),
            self.reason_edit.toPlainText().strip(),
            self.rectification_check.isVisible() and self.rectification_check.isChecked(),
        )


def ask_correction(parent, event: Mapping, patch: Mapping) -> CorrectionAnswer | None:
    """Ask how to correct ``event`` of ``patch`` in a modal dialog; None when cancelled."""
    dialog = CorrectionDialog(event, patch, parent=parent)
    try:
        if dialog.exec_() != QDialog.Accepted:
            return None
        return dialog.answer()
    finally:
        dialog.deleteLater()
