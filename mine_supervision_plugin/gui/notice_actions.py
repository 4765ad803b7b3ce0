"""The patches dock's notices: Issue notices… (a batch, as a QgsTask) and Void notice… (with a reason).

Issue notices… asks what to cover (the selected patches, or every determined
violation of the database), the folder and the issue date, shows how many
notices that makes, then runs :func:`..reports.issue.issue_notices` in a
:class:`IssueNoticesTask`: the task manager shows its progress and can cancel
it. A cancelled batch stops after the notice being written: the notices done
are whole, numbered and recorded; nothing half-written is left and no number
is used for nothing (the store allocates a number in the transaction that
records its PDF). Void notice… voids the current patch's notice with the
reason the user gives (:func:`..store.notices.void_notice`).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from qgis.core import QgsApplication, QgsCoordinateReferenceSystem, QgsTask
from qgis.gui import QgsFileWidget
from qgis.PyQt.QtCore import QDate
from qgis.PyQt.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
)

from .. import settings
from ..i18n import tr
from ..store.database import StoreError
from ..store.notices import NoticeError, void_notice

ISSUE_DIALOG_NAME = "MineSupervisionIssueNotices"


class IssueNoticesTask(QgsTask):
    """One batch of notices in the background: progress per notice, cancel between notices."""

    def __init__(self, context, cases, template, fonts, folder: Path, issued_at: dt.date):
        super().__init__(tr("Issuing {count} rectification notices").format(count=len(cases)), QgsTask.CanCancel)
        self.context = context
        self.store = context.store
        self.cases, self.template, self.fonts = cases, template, fonts
        self.folder, self.issued_at = Path(folder), issued_at
        self.crs = QgsCoordinateReferenceSystem(f"EPSG:{self.store.crs_epsg}")
        self.done: list = []
        self.error: str | None = None
        #: "complete", "cancelled" or "failed" once finished (read from Python: the task manager deletes the task)
        self.outcome: str | None = None

    def run(self) -> bool:
        from ..reports.issue import issue_notices
        from ..reports.map_figure import start_figure

        font_path = str(self.fonts.body.file.path)

        def figure(case):
            return start_figure(case, self.crs, font_path=font_path)

        def progress(index, notice) -> bool:
            self.done.append(notice)
            self.setProgress(100.0 * (index + 1) / len(self.cases))
            return not self.isCanceled()

        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            issue_notices(self.cases, self.template, self.fonts, self.folder, store=self.store,
                          issued_at=self.issued_at, start_figure=figure, progress=progress)
        except (OSError, StoreError) as error:
            self.error = str(error)
            return False
        except Exception as error:  # noqa: BLE001 - said to the user in finished(), never a traceback
            self.error = f"{type(error).__name__}: {error}"
            return False
        return not self.isCanceled()

    def finished(self, result: bool) -> None:
        self.outcome = "complete" if result else ("failed" if self.error else "cancelled")
        context = self.context
        if context is None or context.store is not self.store:
            return
        if self.done:
            context.dataChanged.emit("patches")
            context.dataChanged.emit("notices")
        numbers = ", ".join(n.number for n in self.done[:3]) + (" …" if len(self.done) > 3 else "")
        if result:
            context.success(tr("{count} rectification notices issued ({numbers}) in {folder}.").format(
                count=len(self.done), numbers=numbers, folder=self.folder))
        elif self.error:
            context.error(tr("The notices stopped: {reason}. {count} notices issued before are kept; no number was "
                             "used for the one that failed.").format(reason=self.error, count=len(self.done)))
        else:
            context.warning(tr("Notices cancelled after {count} of {total}: those are whole, numbered and recorded; "
                               "nothing else was written.").format(count=len(self.done), total=len(self.cases)))
        for notice in self.done:
            for warning in notice.warnings:
                context.warning(warning)


class IssueNoticesDialog(QDialog):
    """What a batch covers (selection or every determined violation), where the PDFs go, the issue date."""

    def __init__(self, store, selected: list[str], parent=None):
        super().__init__(parent)
        self.setObjectName(ISSUE_DIALOG_NAME)
        self.setWindowTitle(tr("Issue rectification notices"))
        self.store, self.selected = store, list(selected)
        self.batch = None
        layout = QVBoxLayout(self)
        self.selection_radio = QRadioButton(tr("The {count} selected patches").format(count=len(self.selected)))
        self.selection_radio.setObjectName("selected")
        self.all_radio = QRadioButton(tr("Every determined violation of the database"))
        self.all_radio.setObjectName("determined")
        self.selection_radio.setEnabled(bool(self.selected))
        (self.selection_radio if self.selected else self.all_radio).setChecked(True)
        layout.addWidget(self.selection_radio)
        layout.addWidget(self.all_radio)
        form = QFormLayout()
        self.folder = QgsFileWidget()
        self.folder.setObjectName("folder")
        self.folder.setStorageMode(QgsFileWidget.GetDirectory)
        self.folder.setFilePath(str(Path(store.location).parent / "notices") if "://" not in store.location
                                and not store.location.startswith("PG:") else str(Path.home() / "notices"))
        self.date = QDateEdit(QDate.currentDate())
        self.date.setObjectName("issue_date")
        self.date.setCalendarPopup(True)
        form.addRow(tr("Folder for the PDFs"), self.folder)
        form.addRow(tr("Issue date"), self.date)
        layout.addLayout(form)
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.buttons.button(QDialogButtonBox.Ok).setText(tr("Issue"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.selection_radio.toggled.connect(self._count)
        self._count()
        self.setMinimumWidth(520)

    def patch_nos(self) -> list[str] | None:
        """The selection, or None for every determined violation."""
        return self.selected if self.selection_radio.isChecked() else None

    def _count(self, *args) -> None:
        from ..reports.issue import store_cases

        try:
            self.batch = store_cases(self.store, self.patch_nos())
        except StoreError as error:
            self.batch = None
            self.summary.setText(str(error))
            self.buttons.button(QDialogButtonBox.Ok).setEnabled(False)
            return
        batch = self.batch
        patches = sum(len(c.findings) for c in batch.cases)
        lines = [tr("{notices} notices (one per holder) for {patches} patches.").format(
            notices=len(batch.cases), patches=patches)]
        if batch.already:
            lines.append(tr("Left out, their notice already issued (void it to issue another): {patches}").format(
                patches=", ".join(f"{p} ({n})" for p, n in list(batch.already.items())[:5])
                + (" …" if len(batch.already) > 5 else "")))
        if batch.skipped:
            lines.append(tr("Left out, no holder to serve or no violation pre-judged: {patches}").format(
                patches=", ".join(s.patch_no for s in batch.skipped[:8]) + (" …" if len(batch.skipped) > 8 else "")))
        self.summary.setText("\n".join(lines))
        self.buttons.button(QDialogButtonBox.Ok).setEnabled(bool(batch.cases))

    def issue_date(self) -> dt.date:
        return self.date.date().toPyDate()


class PatchNoticesMixin:
    """The dock's Issue notices… and Void notice… buttons (the dock gives ``context``, the selection, the current
    patch's record, ``ask_reason``)."""

    def _build_notices(self, body) -> QHBoxLayout:
        self.issue_button = QPushButton(tr("Issue notices…"), body)
        self.issue_button.setObjectName("issue_notices")
        self.issue_button.setToolTip(tr("Rectification notices (PDF, numbered and recorded) for the selected patches "
                                        "or every determined violation, one per holder."))
        self.void_button = QPushButton(tr("Void notice…"), body)
        self.void_button.setObjectName("void_notice")
        self.void_button.setToolTip(tr("Void the current patch's notice, with the reason; its number is never given "
                                       "again."))
        self.issue_button.clicked.connect(lambda: self.issue_notices_interactive())
        self.void_button.clicked.connect(lambda: self.void_notice_interactive())
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.issue_button)
        row.addWidget(self.void_button)
        self.notice_task = None
        return row

    def issue_notices_interactive(self) -> IssueNoticesTask | None:
        """Ask, then start the batch as a task; the task (or None when nothing was started)."""
        from ..reports.fonts import FontError, choose_fonts
        from ..reports.template import TemplateError, load_template

        store = self.context.store
        if store is None:
            self.context.warning(tr("Open a supervision database first."))
            return None
        try:
            template = load_template(settings.NOTICE_TEMPLATE.value())
            fonts = choose_fonts(settings.DOCUMENT_BODY_FONT.value(), settings.DOCUMENT_TITLE_FONT.value())
        except (TemplateError, FontError) as error:
            self.context.error(str(error))
            return None
        dialog = IssueNoticesDialog(store, self.selected_patch_nos(), self)
        try:
            if dialog.exec_() != QDialog.Accepted or dialog.batch is None or not dialog.batch.cases:
                return None
            folder = Path(dialog.folder.filePath())
            task = IssueNoticesTask(self.context, dialog.batch.cases, template, fonts, folder, dialog.issue_date())
        finally:
            dialog.deleteLater()
        for message in fonts.messages:
            self.context.warning(message)
        self.notice_task = task  # kept: the task manager holds it, Python must too
        QgsApplication.taskManager().addTask(task)
        return task

    def void_notice_interactive(self) -> dict | None:
        """Void the current patch's notice with the reason asked; the audit detail, or None."""
        store = self.context.store
        record = getattr(self, "_record", None)
        number = (record or {}).get("notice_no")
        if store is None or not number:
            self.context.info(tr("The current patch has no notice to void."))
            return None
        answer = self.ask_reason(self, tr("Void notice {number}").format(number=number), tr(
            "Notice {number} will be voided: its number is never given again, its patches are freed for a new "
            "notice. Why is it voided?").format(number=number))
        if answer is None:
            return None
        try:
            detail = void_notice(store, number, answer.reason)
        except (NoticeError, StoreError) as error:
            self.context.warning(str(error))
            return None
        self.context.success(tr("Notice {number} voided: {reason}").format(number=number, reason=answer.reason))
        self.context.dataChanged.emit("patches")
        self.context.dataChanged.emit("notices")
        return detail
