"""Resolve check-in conflicts… in real QGIS, on both stores (issue 14): a county checked out, edited in the field
and at the bureau, checked in; the menu's dialog lists the conflicts with both values and who, a choice per row,
a value changed again on the server refused under the table (the dialog stays, nothing written), then applied in
one transaction; resolved conflicts are not offered again."""

from __future__ import annotations

import time

import pytest
from osgeo import ogr
from qgis.core import Qgis, QgsProject
from qgis.PyQt.QtCore import QCoreApplication, QTimer
from qgis.PyQt.QtTest import QTest
from qgis.PyQt.QtWidgets import QApplication, QDialog, QDialogButtonBox
from shapely.geometry import MultiPolygon, box
from store_sql import insert_row as _insert
from store_sql import update_row

from mine_supervision_plugin import classFactory, settings
from mine_supervision_plugin.connections import open_store
from mine_supervision_plugin.gui.checkin_dialog import TAKE_COLUMN, CheckinConflictsDialog
from mine_supervision_plugin.store.checkout import check_in, check_out, open_conflicts
from mine_supervision_plugin.store.database import create_database, open_database
from mine_supervision_plugin.store.ogr_util import as_dict
from mine_supervision_plugin.store.project import load_into_project

pytestmark = pytest.mark.gui
X0, Y0 = 38_500_000.0, 4_000_000.0






def _update(store, number: str, **fields) -> None:
    update_row(store, "patches", "patch_no", number, **fields)


def _finding(store, number: str) -> str:
    source = ogr.Open(store.location)
    layer = source.GetLayerByName("patches")
    found = next(as_dict(f)["finding"] for f in layer if f.GetField("patch_no") == number)
    layer = source = None
    return found


def _square(x: float, size: float = 100.0) -> MultiPolygon:
    return MultiPolygon([box(X0 + x, Y0, X0 + x + size, Y0 + size)])


def wait(ms: int = 0) -> None:
    QTest.qWait(ms)
    QCoreApplication.processEvents()


@pytest.fixture
def checked_in(store_location, tmp_path) -> str:
    """A database with three conflicts left by a check-in: two findings and a patch added on both sides."""
    create_database(store_location, 4526)
    server = open_database(store_location)
    _insert(server, "mining_rights", {"license_no": "C-A1", "mine_name": "甲矿", "holder": "甲",
                                      "county_code": "140402", "geometry": _square(0, 1000)})
    for number, x in (("P-A2", 300), ("P-A3", 500)):
        _insert(server, "patches", {"patch_no": number, "county_code": "140402", "state": "issued",
                                    "geometry": _square(x)})
    copy = open_database(check_out(server, "140402", tmp_path / "field.gpkg").path)
    _update(copy, "P-A2", finding="复垦完成")
    _update(copy, "P-A3", finding="已停工")
    _insert(copy, "patches", {"patch_no": "P-NEW", "county_code": "140402", "finding": "外业", "geometry": _square(700)})
    _update(server, "P-A2", finding="已拆除")
    _update(server, "P-A3", finding="正在开采")
    _insert(server, "patches", {"patch_no": "P-NEW", "county_code": "140402", "finding": "县局", "geometry": _square(700)})
    assert len(check_in(copy, server).conflicts) == 3
    return store_location


@pytest.fixture
def plugin(qgis_iface, checked_in):
    loaded = classFactory(qgis_iface)
    loaded.initGui()
    store = open_store(checked_in)
    load_into_project(store, QgsProject.instance())
    loaded.context.set_store(store)
    for messages in qgis_iface.messageBar().messages.values():
        messages.clear()
    yield loaded
    loaded.unload()
    QgsProject.instance().clear()
    wait()


def _open_from_menu(plugin, steps) -> dict:
    """Trigger the menu's action; ``steps(dialog, seen)`` runs on the modal dialog once Qt shows it."""
    action = next(a for a in plugin.menu.actions() if a.objectName() == "mMineSupervision_resolve_checkin")
    seen: dict = {"text": action.text()}
    deadline = time.monotonic() + 30

    def tick():
        dialog = next((w for w in QApplication.topLevelWidgets()
                       if isinstance(w, CheckinConflictsDialog) and w.isVisible()), None)
        if dialog is None:
            if time.monotonic() < deadline:
                QTimer.singleShot(50, tick)
            return
        try:
            steps(dialog, seen)
        finally:
            if dialog.isVisible():
                dialog.reject()

    QTimer.singleShot(0, tick)
    action.trigger()
    wait(50)
    return seen


def _rows(dialog) -> dict[str, list[str]]:
    table = dialog.table
    return {table.item(r, 1).text(): [table.item(r, c).text() for c in range(table.columnCount()) if c != TAKE_COLUMN]
            for r in range(table.rowCount())}


def test_the_dialog_lists_the_conflicts_and_applies_the_choices_in_one_go(plugin, qgis_iface):
    store = plugin.context.store

    def steps(dialog, seen):
        seen["rows"] = _rows(dialog)
        seen["headers"] = [dialog.table.horizontalHeaderItem(c).text() for c in range(dialog.table.columnCount())]
        keys = [dialog.table.item(r, 1).text() for r in range(dialog.table.rowCount())]
        seen["offers"] = {key: [dialog.combos[r].itemData(i) for i in range(dialog.combos[r].count())]
                          for r, key in enumerate(keys)}
        # OK without a choice: refused in words, the dialog stays
        dialog.buttons.button(QDialogButtonBox.Ok).click()
        seen["empty_refusal"] = dialog.error_label.text() if dialog.error_label.isVisible() else None
        # the copy's P-A3 finding, but the bureau changed it again meanwhile: refused, nothing written
        dialog.set_choice(keys.index("P-A2"), "copy")
        dialog.set_choice(keys.index("P-A3"), "copy")
        _update(store, "P-A3", finding="县局复核")
        dialog.buttons.button(QDialogButtonBox.Ok).click()
        seen["again_refusal"] = dialog.error_label.text()
        seen["open_after_refusal"] = dialog.isVisible()
        seen["a2_after_refusal"] = _finding(store, "P-A2")
        # the user looks again and keeps the server's P-A3, leaves P-NEW for later
        dialog.set_choice(keys.index("P-A3"), "server")
        dialog.buttons.button(QDialogButtonBox.Ok).click()
        seen["accepted"] = dialog.result() == QDialog.Accepted and not dialog.isVisible()

    seen = _open_from_menu(plugin, steps)
    assert seen["text"] == "Resolve check-in conflicts…"
    assert seen["headers"] == ["Table", "Row", "Field", "Server value", "Field copy value", "Keep",
                               "Changed on the server", "Checked in"]
    assert set(seen["rows"]) == {"P-A2", "P-A3", "P-NEW"}
    assert seen["rows"]["P-A2"][3:5] == ["已拆除", "复垦完成"] and "finding" in seen["rows"]["P-A2"][2]
    assert seen["rows"]["P-A2"][6].strip()  # who checked in, when
    assert seen["offers"]["P-A2"] == [None, "server", "copy"]
    assert seen["offers"]["P-NEW"] == [None, "server"]  # added on both sides: only the server's row can stay
    assert "at least one conflict" in seen["empty_refusal"]
    assert "P-A3" in seen["again_refusal"] and "changed again" in seen["again_refusal"] and "县局复核" in seen["again_refusal"]
    assert seen["open_after_refusal"] and seen["a2_after_refusal"] == "已拆除"
    assert seen["accepted"]
    assert _finding(store, "P-A2") == "复垦完成" and _finding(store, "P-A3") == "县局复核"
    assert any("1 field copy values written, 1 server values kept; 1 still open" in m
               for m in qgis_iface.messageBar().get_messages(Qgis.Success))
    assert [(c.key, c.field) for c in open_conflicts(store)] == [("P-NEW", "patch_no")]

    # the menu again: only what is still open is offered
    again = _open_from_menu(plugin, lambda dialog, seen: seen.update(rows=_rows(dialog)))
    assert list(again["rows"]) == ["P-NEW"]


def test_nothing_to_resolve_is_said_not_shown(plugin, qgis_iface):
    from mine_supervision_plugin.store.checkout import resolve_conflicts

    store = plugin.context.store
    resolve_conflicts(store, {(c.checkout_id, c.id): "server" for c in open_conflicts(store)})
    seen = _open_from_menu(plugin, lambda dialog, seen: seen.update(shown=True))
    assert "shown" not in seen
    assert any("No check-in conflicts are waiting" in m for m in qgis_iface.messageBar().get_messages(Qgis.Info))


def test_the_dialog_speaks_the_interface_language(qgis_iface, checked_in):
    """In a Chinese QGIS the columns and the values of a row added on both sides read in Chinese, whichever
    language the check-in ran in (the record keeps language-free markers)."""
    settings.QGIS_LOCALE_OVERRIDE.set_value(True)
    settings.QGIS_USER_LOCALE.set_value("zh-Hans")
    loaded = classFactory(qgis_iface)
    loaded.initGui()
    try:
        store = open_store(checked_in)
        load_into_project(store, QgsProject.instance())
        loaded.context.set_store(store)

        def steps(dialog, seen):
            seen["rows"] = _rows(dialog)
            seen["headers"] = [dialog.table.horizontalHeaderItem(c).text() for c in range(dialog.table.columnCount())]

        seen = _open_from_menu(loaded, steps)
    finally:
        loaded.unload()
        settings.QGIS_LOCALE_OVERRIDE.remove()
        settings.QGIS_USER_LOCALE.remove()
        QgsProject.instance().clear()
        wait()
    assert "签入冲突" in seen["text"]
    assert seen["headers"][3:5] == ["服务器值", "外业副本值"]
    assert seen["rows"]["P-NEW"][3:5] == ["服务器上新增", "副本中新增"]
