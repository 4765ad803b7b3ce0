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


def main() -> None:
    try:
        with Case("settings") as facts:
            settings_path(facts)
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
