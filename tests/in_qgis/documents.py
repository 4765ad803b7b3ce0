"""Run inside the real QGIS desktop (qgis --code): the documents' user paths.

Case "settings": Menu › Document settings…: a bad prefix is refused in words and the dialog stays open; a new
prefix, deadline and body font are saved; then a notice issued (rectificationnotices through Processing, as the
toolbox runs it) carries them. Case "batch" (when MS_BATCH is set): the patches dock's Issue notices… and
Void notice… actions (see gui/notice_actions.py).

Environment: MS_RESULT (JSON report), MS_WORK (inputs: rights.gpkg, patches.gpkg, county.gpkg; outputs),
MS_INSTALLED_PLUGIN. Each case writes its facts under report["cases"][name] ("error": its traceback).
"""

import json
import os
import time
import traceback
from pathlib import Path

from qgis.PyQt.QtCore import QCoreApplication, QEvent, QTimer
from qgis.PyQt.QtGui import QInputMethodEvent
from qgis.PyQt.QtTest import QTest
from qgis.PyQt.QtWidgets import QApplication, QDialogButtonBox, QMessageBox, QTextEdit
from qgis.utils import iface

PLUGIN = "mine_supervision_plugin"
WORK = Path(os.environ.get("MS_WORK", "/tmp"))
REPORT: dict = {"cases": {}, "errors": [], "messages": [], "python_errors": [], "boxes": []}


def progress(text: str) -> None:
    with open(os.environ["MS_RESULT"] + ".log", "a", encoding="utf-8") as stream:
        stream.write(f"{time.monotonic():.1f} {text}\n")


def wait(ms: int = 0) -> None:
    QTest.qWait(ms)
    QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)
    QCoreApplication.processEvents()


def wait_until(condition, timeout_s: float = 30.0, step_ms: int = 50) -> bool:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if condition():
            return True
        wait(step_ms)
    return bool(condition())


def type_text(widget, text: str) -> None:
    """Chinese is typed through the input method: its text committed to the widget."""
    widget.setFocus()
    widget.clear()
    if text:
        event = QInputMethodEvent()
        event.setCommitString(text)
        QApplication.sendEvent(widget, event)


def watch_dialogs() -> None:
    """Answer every message box (record its text, press its default button) and QGIS's Python error dialog."""
    for widget in QApplication.topLevelWidgets():
        if not widget.isVisible():
            continue
        if isinstance(widget, QMessageBox):
            REPORT["boxes"].append(widget.text())
            progress("message box: " + widget.text()[:200].replace("\n", " | "))
            button = widget.defaultButton() or (widget.buttons()[0] if widget.buttons() else None)
            if button is not None:
                button.click()
            else:
                widget.close()
        elif widget.windowTitle().startswith("An error has occurred while executing Python code"):
            REPORT["python_errors"].append("\n".join(w.toPlainText() for w in widget.findChildren(QTextEdit)))
            widget.close()
    QTimer.singleShot(100, watch_dialogs)


def record_message(widget) -> None:
    from qgis.gui import QgsMessageBarItem
    from qgis.PyQt import sip

    item = sip.cast(widget, QgsMessageBarItem)
    REPORT["messages"].append({"level": int(item.level()), "text": item.text()})


def plugin_actions() -> dict:
    menu = next(a.menu() for a in iface.mainWindow().menuBar().actions()
                if a.menu() is not None and a.menu().objectName() == "mMineSupervisionMenu")
    return {a.objectName(): a for a in menu.actions() if a.objectName().startswith("mMineSupervision_")}


def visible(kind) -> list:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]


class Case:
    def __init__(self, name: str):
        self.name = name
        self.facts: dict = {}

    def __enter__(self) -> dict:
        progress("case " + self.name)
        self.mark, self.boxes, self.errors = len(REPORT["messages"]), len(REPORT["boxes"]), len(REPORT["python_errors"])
        REPORT["cases"][self.name] = self.facts
        return self.facts

    def __exit__(self, kind, error, tb) -> bool:
        self.facts["messages"] = REPORT["messages"][self.mark:]
        self.facts["boxes"] = REPORT["boxes"][self.boxes:]
        self.facts["python_errors"] = REPORT["python_errors"][self.errors:]
        if error is not None:
            self.facts["error"] = "".join(traceback.format_exception(kind, error, tb))
        return True


# --- the paths --------------------------------------------------------------------------------


def settings_path(facts: dict) -> None:
    from mine_supervision_plugin import settings
    from mine_supervision_plugin.gui.document_settings import DocumentSettingsDialog

    seen: dict = {}

    def fill() -> None:
        dialogs = visible(DocumentSettingsDialog)
        if not dialogs:
            QTimer.singleShot(50, fill)
            return
        dialog = dialogs[0]
        try:
            seen["initial_prefix"] = dialog.prefix.text()
            seen["body_fonts"] = [dialog.body_font.itemText(i) for i in range(dialog.body_font.count())]
            seen["skipped"] = dialog.skipped.toPlainText()
            seen["path"] = str(dialog.path)
            save = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.Save)
            type_text(dialog.prefix, "")
            save.click()  # refused: the message box is answered by watch_dialogs
            wait(100)
            seen["open_after_refusal"] = dialog.isVisible()
            type_text(dialog.prefix, "测试自然资整")
            seen["example"] = dialog.example.text()
            dialog.deadline.setValue(20)
            index = next(i for i in range(dialog.body_font.count()) if "ukai" in str(dialog.body_font.itemData(i)))
            dialog.body_font.setCurrentIndex(index)
            seen["body_font_chosen"] = dialog.body_font.itemData(index)
            dialog.grab().save(str(WORK / "settings_dialog.png"))  # to look at
            # a CFF font chosen as a file is refused with the reason (answered by watch_dialogs)
            seen["cff_accepted"] = dialog.add_font_file(dialog.title_font, os.environ["MS_CFF_FONT"])
            save.click()
        except Exception:  # noqa: BLE001 - reported, never left hanging
            seen["error"] = traceback.format_exc()
            dialog.reject()

    QTimer.singleShot(0, fill)
    plugin_actions()["mMineSupervision_document_settings"].trigger()  # returns when the dialog is closed
    wait(100)
    facts["seen"] = seen
    facts["settings"] = {"template": settings.NOTICE_TEMPLATE.value(), "body": settings.DOCUMENT_BODY_FONT.value()}
    template = Path(settings.NOTICE_TEMPLATE.value())
    facts["template_file"] = json.loads(template.read_text(encoding="utf-8")) if template.is_file() else None

    import processing

    results = processing.run("minesupervision:rectificationnotices", {
        "PATCHES": str(WORK / "patches.gpkg"), "RIGHTS": str(WORK / "rights.gpkg"),
        "OUTPUT_FOLDER": str(WORK / "notices"), "DATABASE": str(WORK / "county.gpkg"), "ISSUE_DATE": "2026-11-02"})
    facts["numbers"] = results["NUMBERS"]
    facts["files"] = results["FILES"]


def when_shown(kind, act) -> dict:
    """Call ``act(dialog)`` once a dialog of ``kind`` is shown (a modal one blocks the caller meanwhile)."""
    seen: dict = {}
    deadline = time.monotonic() + 60

    def tick() -> None:
        dialogs = visible(kind)
        if not dialogs:
            if time.monotonic() < deadline:
                QTimer.singleShot(50, tick)
            else:
                seen["error"] = f"no {kind.__name__} shown"
            return
        try:
            act(dialogs[0], seen)
        except Exception:  # noqa: BLE001 - reported, never left hanging
            seen["error"] = traceback.format_exc()
            dialogs[0].reject()

    QTimer.singleShot(0, tick)
    return seen


def notices_in(database: Path) -> list:
    import sqlite3

    with sqlite3.connect(str(database)) as connection:
        return [r[0] for r in connection.execute("SELECT notice_no FROM notices ORDER BY fid")]


def batch_path(facts: dict) -> None:
    from qgis.PyQt.QtCore import Qt
    from qgis.PyQt.QtWidgets import QDockWidget
    from qgis.utils import plugins

    from mine_supervision_plugin import palette
    from mine_supervision_plugin.gui.database_dialogs import open_and_load
    from mine_supervision_plugin.gui.notice_actions import IssueNoticesDialog
    from mine_supervision_plugin.gui.patches_model import COLUMNS
    from mine_supervision_plugin.gui.verification_dialog import ReasonDialog

    database = WORK / "batch.gpkg"
    context = plugins[PLUGIN].context
    open_and_load(context, str(database))
    dock = next(d for d in iface.mainWindow().findChildren(QDockWidget) if d.objectName() == "MineSupervisionPatchesDock")
    dock.show()
    wait_until(lambda: dock.model.rowCount() > 0, 20)
    # the overdue notice stands out
    row = dock.model.row_of_patch("WP-NOTICED")
    notice_column = COLUMNS.index("notice")
    cell = dock.model.index(row, notice_column)
    facts["overdue_text"] = cell.data(Qt.DisplayRole)
    brush = cell.data(Qt.BackgroundRole)
    facts["overdue_colour"] = brush.color().name() if brush is not None else None
    facts["overdue_tint"] = palette.OVERDUE_TINT
    facts["overdue_tooltip"] = dock.model.index(row, COLUMNS.index("patch_no")).data(Qt.ToolTipRole)
    other = dock.model.index(dock.model.row_of_patch("WP-003"), notice_column).data(Qt.BackgroundRole)
    facts["plain_colour"] = other.color().name() if other is not None else None
    dock.setFloating(True)
    dock.resize(1400, 700)
    wait(100)
    dock.view.scrollTo(dock.proxy.mapFromSource(cell))
    wait(100)
    dock.grab().save(str(WORK / "patches_dock.png"))  # to look at
    dock.setFloating(False)

    def wait_task() -> None:
        task = dock.notice_task  # the task manager deletes the C++ task when done: its Python side says the outcome
        wait_until(lambda: task.outcome is not None, 120)
        wait(200)

    # 1. the selected patches: two holders, two notices
    dock.select_patches(["WP-000", "WP-001"])
    out = WORK / "selection"

    def issue_selection(dialog, seen):
        seen["selected_checked"] = dialog.selection_radio.isChecked()
        seen["summary"] = dialog.summary.text()
        dialog.folder.setFilePath(str(out))
        dialog.buttons.button(QDialogButtonBox.Ok).click()

    seen = when_shown(IssueNoticesDialog, issue_selection)
    dock.issue_button.click()
    wait_task()
    facts["selection"] = {**seen, "status": dock.notice_task.outcome, "numbers": notices_in(database),
                          "files": sorted(p.name for p in out.iterdir())}

    # 2. every determined violation, cancelled once the first notice is written
    cancelled = WORK / "cancelled"

    def issue_all(dialog, seen):
        dialog.all_radio.setChecked(True)
        seen["summary"] = dialog.summary.text()
        dialog.grab().save(str(WORK / "issue_dialog.png"))  # to look at
        dialog.folder.setFilePath(str(cancelled))
        dialog.buttons.button(QDialogButtonBox.Ok).click()

    seen = when_shown(IssueNoticesDialog, issue_all)
    before = len(notices_in(database))
    dock.issue_button.click()
    task = dock.notice_task
    task.progressChanged.connect(lambda value: task.cancel() if value > 0 else None)
    wait_task()
    facts["cancel"] = {**seen, "status": task.outcome, "total": len(task.cases), "done": len(task.done),
                       "numbers": notices_in(database)[before:],
                       "files": sorted(p.name for p in cancelled.iterdir()) if cancelled.exists() else [],
                       "done_numbers": [n.number for n in task.done]}

    # 3. void the current patch's notice, with a reason typed in the dialog
    dock.set_current_patch("WP-000", zoom=False)
    wait(100)
    facts["current_notice"] = (dock._record or {}).get("notice_no")

    def give_reason(dialog, seen):
        seen["title"] = dialog.windowTitle()
        dialog.reason_edit.setPlainText("送达地址有误，重新制发")
        dialog.buttons.button(QDialogButtonBox.Ok).click()

    seen = when_shown(ReasonDialog, give_reason)
    dock.void_button.click()
    wait(300)
    import sqlite3

    with sqlite3.connect(str(database)) as connection:
        facts["void"] = {**seen, "rows": [list(r) for r in connection.execute(
            "SELECT notice_no, state FROM notices WHERE notice_no = ?", (facts["current_notice"],))],
            "patch_notice": connection.execute("SELECT notice_no FROM patches WHERE patch_no = 'WP-000'").fetchone()[0],
            "audit": [r[0] for r in connection.execute("SELECT detail FROM audit_log WHERE action = 'void_notice'")]}
    facts["notice_cell_after_void"] = dock.model.index(dock.model.row_of_patch("WP-000"), notice_column).data()


def main() -> None:
    try:
        with Case("settings") as facts:
            settings_path(facts)
        if (WORK / "batch.gpkg").exists():
            with Case("batch") as facts:
                batch_path(facts)
    except Exception:  # noqa: BLE001
        REPORT["errors"].append(traceback.format_exc())
    finish()


def finish() -> None:
    progress("finish")
    with open(os.environ["MS_RESULT"], "w", encoding="utf-8") as stream:
        json.dump(REPORT, stream, ensure_ascii=False, indent=1, default=str)

    def quit_qgis():
        from qgis.core import QgsProject

        QgsProject.instance().clear()
        iface.actionExit().trigger()

    QTimer.singleShot(0, quit_qgis)


def watchdog() -> None:
    REPORT["errors"].append("watchdog: still running")
    with open(os.environ["MS_RESULT"], "w", encoding="utf-8") as stream:
        json.dump(REPORT, stream, ensure_ascii=False, indent=1, default=str)
    os._exit(3)


def begin() -> None:
    QTimer.singleShot(int(os.environ.get("MS_WATCHDOG_S", "200")) * 1000, watchdog)
    iface.messageBar().widgetAdded.connect(record_message)
    watch_dialogs()
    QTimer.singleShot(200, main)


progress("script started")
QTimer.singleShot(0, begin)
