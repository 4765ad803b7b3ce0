"""The patches dock in real QGIS: a real GeoPackage with patches, its layers in the project, a real main window.

Filters, next / previous navigation zooming the canvas, the verification form
moving a patch issued → verified through the store, refused steps reported
with their reasons, batch steps with a refused patch, the history pane and
its correction, selection synced both ways, reloading, shutdown; and the
load figure at 10,000 patches.
"""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import pytest
from osgeo import ogr
from qgis.core import Qgis, QgsCoordinateReferenceSystem, QgsProject, QgsRectangle
from qgis.PyQt.QtCore import QCoreApplication, Qt, QTimer
from qgis.PyQt.QtTest import QTest
from qgis.PyQt.QtWidgets import QApplication, QDialogButtonBox, QMainWindow
from shapely.geometry import box

from mine_supervision_plugin.deps import DependencyReport
from mine_supervision_plugin.gui.context import PluginContext
from mine_supervision_plugin.gui.patches_dock import PatchesDock
from mine_supervision_plugin.gui.patches_model import (
    EMPTY_FILTER,
    PREJUDGMENT_COLOURS,
    column_of,
    tool_tip,
)
from mine_supervision_plugin.gui.verification_dialog import (
    CorrectionAnswer,
    CorrectionDialog,
    ReasonAnswer,
    ReasonDialog,
)
from mine_supervision_plugin.store.database import create_database, open_database
from mine_supervision_plugin.store.patches import (
    add_patches,
    get_patch,
    patch_history,
    patch_photos,
    transition_patches,
    update_patch_fields,
)
from mine_supervision_plugin.store.project import find_layer, load_into_project

pytestmark = pytest.mark.gui

EPSG = 4526
EAST = 38_500_000.0
NORTH = 3_850_000.0
YESTERDAY = dt.date.today() - dt.timedelta(days=1)

# patch no, prejudgment, licence, zone, zone level, year, source, column, size (m)
PATCHES = [
    ("WP2025-001", "unlicensed", None, "青山重点矿区", "province", 2025, "satellite", 0, 80),
    ("WP2025-002", "out_of_bounds", "C4100002011031120000001", "青山重点矿区", "province", 2025, "satellite", 1, 120),
    ("WP2025-003", "within_licence", "C4100002011031120000001", None, None, 2025, "satellite", 2, 60),
    ("WP2026-001", "expired_licence", "C4100002011031120000002", "西岭重点矿区", "county", 2026, "satellite", 3, 200),
    ("WP2026-002", "unlicensed", None, None, None, 2026, "satellite", 4, 40),
    ("XC2026-001", None, None, None, None, 2026, "patrol", 5, 30),
]


def patch_box(column: int, size: float):
    east = EAST + column * 1000.0
    return box(east, NORTH, east + size, NORTH + size * 0.75)


def records(rows=PATCHES, source="satellite"):
    result = []
    for number, prejudgment, licence, zone, level, year, row_source, column, size in rows:
        if row_source != source:
            continue
        result.append(
            {
                "patch_no": number,
                "prejudgment": prejudgment,
                "license_no": licence,
                "zone_name": zone,
                "zone_level": level,
                "year": year,
                "date_before": f"{year - 1}-10-01",
                "date_after": f"{year}-01-15",
                "geometry": patch_box(column, size),
            }
        )
    return result


def wait(ms: int = 0) -> None:
    QTest.qWait(ms)
    QCoreApplication.processEvents()


def clear_messages(iface) -> None:
    for messages in iface.messageBar().messages.values():
        messages.clear()


def messages(iface, level) -> list[str]:
    return list(iface.messageBar().messages[level])


class Env:
    """A dock in a real main window over a real database loaded into QgsProject.instance()."""

    def __init__(self, store, context, window, dock, canvas, iface):
        self.store, self.context, self.window, self.dock, self.canvas, self.iface = (
            store,
            context,
            window,
            dock,
            canvas,
            iface,
        )
        # The dock opens the real ReasonDialog / CorrectionDialog (modal); a timer answers them as a user would.
        self.reasons_asked: list[dict] = []
        self.reason: ReasonAnswer | None = ReasonAnswer("现场核查完成")
        #: what another user does while this one types the reason (run once, before OK)
        self.while_reason = None
        self.correction: CorrectionAnswer | None = None
        self.corrections_asked: list[dict] = []
        self.errors: list[str] = []
        self._timer = QTimer()
        self._timer.setInterval(10)
        self._timer.timeout.connect(self._answer_dialog)
        self._timer.start()

    def _answer_dialog(self) -> None:
        try:
            self._answer(QApplication.activeModalWidget())
        except Exception as error:  # noqa: BLE001 - an exception in a Qt slot would abort the process
            self.errors.append(repr(error))

    def _answer(self, dialog) -> None:
        if isinstance(dialog, ReasonDialog):
            ok = dialog.buttons.button(QDialogButtonBox.Ok)
            seen = {"title": dialog.windowTitle(), "prompt": dialog.prompt_label.text(),
                    "rectification_asked": dialog.rectification_check.isVisibleTo(dialog),
                    "ok_without_reason": ok.isEnabled()}
            if self.reason is not None:
                dialog.reason_edit.setPlainText(self.reason.reason)
                dialog.rectification_check.setChecked(self.reason.rectification_completed)
            seen["ok_enabled"] = ok.isEnabled()
            self.reasons_asked.append(seen)
            if self.while_reason is not None:
                meanwhile, self.while_reason = self.while_reason, None
                meanwhile()
            if self.reason is not None and ok.isEnabled():
                ok.click()
            else:  # what a user can do when OK stays disabled: cancel
                dialog.buttons.button(QDialogButtonBox.Cancel).click()
        elif isinstance(dialog, CorrectionDialog):
            self.corrections_asked.append({"title": dialog.windowTitle(),
                                           "targets": [dialog.target_combo.itemData(i)
                                                       for i in range(dialog.target_combo.count())]})
            if self.correction is None:
                dialog.reject()
                return
            index = dialog.target_combo.findData(self.correction.to_state)
            if index < 0:
                self.corrections_asked[-1]["refused_target"] = self.correction.to_state
                dialog.reject()
                return
            dialog.target_combo.setCurrentIndex(index)
            dialog.reason_edit.setPlainText(self.correction.reason)
            dialog.buttons.button(QDialogButtonBox.Ok).click()

    def stop(self) -> None:
        self._timer.stop()

    @property
    def layer(self):
        return find_layer("patches")

    def fid_of(self, patch_no: str) -> int:
        return next(f.id() for f in self.layer.getFeatures() if f["patch_no"] == patch_no)

    def state_of(self, patch_no: str) -> str:
        return get_patch(self.store, patch_no)["state"]

    def warnings(self) -> list[str]:
        return messages(self.iface, Qgis.Warning)


def field_check(day=YESTERDAY) -> dict:
    return {"field_check_date": day, "inspectors": "张三, 李四", "finding": "现场有开采痕迹"}


@pytest.fixture
def env(store_location, qgis_iface, qgis_canvas):
    """The dock on a database of each store (a GeoPackage; PostGIS, opened as the plugin opens it)."""
    from mine_supervision_plugin.connections import open_store

    store = open_store(create_database(store_location, EPSG))
    add_patches(store, records(), source="satellite")
    add_patches(store, records(source="patrol"), source="patrol")
    load_into_project(store)
    qgis_canvas.setDestinationCrs(QgsCoordinateReferenceSystem(f"EPSG:{EPSG}"))
    qgis_canvas.setExtent(QgsRectangle(EAST - 5000, NORTH - 5000, EAST + 10000, NORTH + 5000))
    context = PluginContext(qgis_iface, DependencyReport([]))
    context.set_store(store)
    window = QMainWindow()
    dock = PatchesDock(context, window)
    window.addDockWidget(Qt.RightDockWidgetArea, dock)
    window.resize(1200, 900)
    window.show()
    wait()
    clear_messages(qgis_iface)
    environment = Env(store, context, window, dock, qgis_canvas, qgis_iface)
    yield environment
    environment.stop()
    assert not environment.errors, environment.errors
    dock.shutdown()
    window.close()
    window.deleteLater()
    wait()
    QgsProject.instance().clear()


# --- the list ---------------------------------------------------------------------


def test_list_shows_every_patch_with_labels_areas_and_colours(env):
    dock = env.dock
    assert dock.objectName() == "MineSupervisionPatchesDock"
    assert dock.windowTitle() == "Violation patches"
    assert dock.layer is env.layer
    assert dock.model.rowCount() == len(PATCHES)
    assert dock.visible_patch_nos() == sorted(p[0] for p in PATCHES)  # sorted by patch number
    proxy = dock.proxy
    row = dock.visible_patch_nos().index("WP2026-001")
    cell = lambda key: proxy.index(row, column_of(key))  # noqa: E731
    # Codes are shown as labels in the interface's language (English here, no translator installed).
    assert cell("state").data() == "issued"
    assert cell("prejudgment").data() == "suspected mining on an expired licence"
    assert cell("prejudgment").data(Qt.BackgroundRole).color() == PREJUDGMENT_COLOURS["expired_licence"]
    assert cell("source").data() == "satellite imagery"
    assert cell("zone").data() == "西岭重点矿区（county）"
    assert cell("year").data() == "2026"
    assert cell("license_no").data() == "C4100002011031120000002"
    area = 200 * 150
    assert cell("area_m2").data() == f"{area:,.1f}"
    assert cell("area_mu").data() == f"{area * 3 / 2000:,.2f}"  # 1 亩 = 2000/3 m²
    patrol = dock.visible_patch_nos().index("XC2026-001")
    assert proxy.index(patrol, column_of("source")).data() == "patrol"
    assert proxy.index(patrol, column_of("prejudgment")).data() == ""


def test_sorting_by_a_column_keeps_the_selection(env):
    dock = env.dock
    dock.select_patches(["WP2025-003"])
    dock.view.sortByColumn(column_of("area_m2"), Qt.DescendingOrder)
    assert dock.visible_patch_nos()[0] == "WP2026-001"  # the largest
    assert dock.visible_patch_nos()[-1] == "XC2026-001"
    assert dock.selected_patch_nos() == ["WP2025-003"]
    assert env.layer.selectedFeatureIds() == [env.fid_of("WP2025-003")]


def test_filters_on_each_column_and_the_licence_search(env):
    dock = env.dock
    dock.set_filters(prejudgment="unlicensed")
    assert dock.visible_patch_nos() == ["WP2025-001", "WP2026-002"]
    dock.set_filters(year=2026)
    assert dock.visible_patch_nos() == ["WP2026-002"]
    dock.clear_filters()
    assert len(dock.visible_patch_nos()) == len(PATCHES)
    dock.set_filters(source="patrol")
    assert dock.visible_patch_nos() == ["XC2026-001"]
    dock.set_filters(source=None, zone_name="青山重点矿区")
    assert dock.visible_patch_nos() == ["WP2025-001", "WP2025-002"]
    dock.set_filters(zone_name=EMPTY_FILTER)
    assert dock.visible_patch_nos() == ["WP2025-003", "WP2026-002", "XC2026-001"]
    dock.set_filters(zone_name=None, prejudgment=EMPTY_FILTER)
    assert dock.visible_patch_nos() == ["XC2026-001"]
    dock.clear_filters()
    dock.search_edit.setText("0000001")  # part of a licence number, as typed
    assert dock.visible_patch_nos() == ["WP2025-002", "WP2025-003"]
    dock.search_edit.setText("xc2026")  # a patch number, any case
    assert dock.visible_patch_nos() == ["XC2026-001"]
    dock.clear_filters()
    transition_patches(env.store, ["WP2025-002"], "verified", reason="核查", updates=field_check())
    env.context.dataChanged.emit("patches")
    dock.set_filters(state="verified")
    assert dock.visible_patch_nos() == ["WP2025-002"]
    dock.set_filters(state="issued")
    assert "WP2025-002" not in dock.visible_patch_nos() and len(dock.visible_patch_nos()) == len(PATCHES) - 1
    assert dock.count_label.text() == f"{len(PATCHES) - 1} of {len(PATCHES)} patches"
    # the combos list the years and zones present, with labels for codes
    assert [dock.year_combo.itemText(i) for i in range(dock.year_combo.count())][1:] == ["2025", "2026"]
    assert "suspected out-of-bounds mining" in [dock.prejudgment_combo.itemText(i) for i in range(dock.prejudgment_combo.count())]


# --- navigation -----------------------------------------------------------------------


def test_next_and_previous_select_and_zoom_to_each_patch(env):
    dock, canvas = env.dock, env.canvas
    visited = []
    for _ in PATCHES:
        number = dock.next_patch()
        visited.append(number)
        assert dock.current_patch_no() == number
        assert dock.selected_patch_nos() == [number]
        assert env.layer.selectedFeatureIds() == [env.fid_of(number)]
        column, size = next((p[7], p[8]) for p in PATCHES if p[0] == number)
        bounds = patch_box(column, size).bounds
        extent = canvas.extent()
        patch_rect = QgsRectangle(*bounds)
        assert extent.contains(patch_rect), number
        # zoomed with a margin: the patch is well inside, and the view is not far larger than the patch
        assert extent.width() > patch_rect.width() * 1.5 and extent.height() > patch_rect.height() * 1.5
        larger = max(patch_rect.width(), patch_rect.height(), dock.MIN_EXTENT)
        # the canvas keeps its aspect ratio: the fitting side is the one that shows the margin
        assert min(extent.width(), extent.height()) < larger * 2.5
        assert abs(extent.center().x() - patch_rect.center().x()) < 1
        assert abs(extent.center().y() - patch_rect.center().y()) < 1
    assert visited == dock.visible_patch_nos()
    assert dock.next_patch() == visited[-1]  # stays on the last one and says so
    assert any("last patch" in m for m in messages(env.iface, Qgis.Info))
    assert dock.previous_patch() == visited[-2]
    assert QgsRectangle(*patch_box(4, 40).bounds).intersects(canvas.extent())
    assert dock.position_label.text() == f"{len(PATCHES) - 1} / {len(PATCHES)}"
    # navigation follows the filtered list
    dock.set_filters(prejudgment="unlicensed")
    dock.view.selectionModel().clearCurrentIndex()
    assert dock.next_patch() == "WP2025-001"
    assert dock.next_patch() == "WP2026-002"


def test_navigation_shows_before_after_imagery_when_the_viewer_exists(env):
    calls = []

    class Viewer:
        def show_patch(self, geometry, date_before, date_after, crs=None):
            calls.append((geometry.boundingBox(), date_before, date_after, crs.authid()))

    env.dock.imagery_viewer = Viewer()
    env.dock.next_patch()
    assert len(calls) == 1
    rect, before, after, crs = calls[0]
    assert (before, after, crs) == (dt.date(2024, 10, 1), dt.date(2025, 1, 15), f"EPSG:{EPSG}")
    assert rect.contains(QgsRectangle(*patch_box(0, 80).bounds).buffered(-0.01))


def test_navigation_drives_the_real_imagery_dock_found_in_the_main_window(env, qgis_iface):
    from mine_supervision_plugin.gui import imagery_compare as imagery
    main = qgis_iface.mainWindow()
    viewer = imagery.ImageryCompareDock(env.context, main)
    main.addDockWidget(Qt.RightDockWidgetArea, viewer)
    main.show()
    viewer.close()  # the user closed the imagery dock
    try:
        assert env.dock.find_imagery_viewer() is viewer
        untouched = QgsRectangle(viewer.before_canvas.extent())
        env.dock.set_current_patch("WP2026-001")
        wait()
        # the viewer is closed: nothing is drawn for it, but opening it shows the patch
        assert not viewer.isVisible() and viewer.before_canvas.extent() == untouched
        viewer.show()
        wait()
        assert viewer.isVisible()
        extent = viewer.before_canvas.extent()
        assert extent.contains(QgsRectangle(*patch_box(3, 200).bounds))
        assert extent.width() < 2000 and extent.height() < 2000
    finally:
        main.removeDockWidget(viewer)
        main.hide()
        viewer.shutdown()
        viewer.setParent(None)
        viewer.deleteLater()
        wait()


def test_a_failing_imagery_viewer_is_reported_not_fatal(env):
    class Broken:
        def show_patch(self, geometry, date_before, date_after, crs=None):
            raise RuntimeError("no imagery layer")

    env.dock.imagery_viewer = Broken()
    assert env.dock.next_patch() == "WP2025-001"
    assert any("no imagery layer" in m for m in env.warnings())


# --- verification and workflow ------------------------------------------------------------


def test_verification_form_saves_fields_and_moves_issued_to_verified(env, tmp_path):
    dock = env.dock
    assert dock.set_current_patch("WP2025-002")
    assert set(dock.step_buttons) == {"verified"}
    photo = tmp_path / "DSC_0001.jpg"
    photo.write_bytes(b"\xff\xd8\xff")
    dock.form.set_values({**field_check(), "evidence": "无人机航拍 3 张"})
    dock.form.add_photo_paths([str(photo)])
    assert dock.form.is_dirty()
    dock.step_buttons["verified"].click()
    wait()
    stored = get_patch(env.store, "WP2025-002")
    assert stored["state"] == "verified"
    assert stored["field_check_date"] == YESTERDAY
    assert stored["inspectors"] == "张三, 李四"
    assert stored["finding"] == "现场有开采痕迹"
    assert stored["evidence"] == "无人机航拍 3 张"
    events = patch_history(env.store, "WP2025-002")
    assert [(e["from_state"], e["to_state"]) for e in events] == [(None, "issued"), ("issued", "verified")]
    assert events[-1]["reason"] == "现场核查完成"
    assert [p["photo_path"] for p in patch_photos(env.store, "WP2025-002")] == [str(photo)]
    assert len(env.reasons_asked) == 1 and "WP2025-002" in env.reasons_asked[0]["prompt"]
    assert not env.reasons_asked[0]["ok_without_reason"]  # the reason is required
    # the dock followed: list, form, step buttons, history
    row = dock.visible_patch_nos().index("WP2025-002")
    assert dock.proxy.index(row, column_of("state")).data() == "field-verified"
    assert dock.current_patch_no() == "WP2025-002"
    assert not dock.form.is_dirty()
    assert dock.form.values()["inspectors"] == "张三, 李四"
    assert [p["photo_path"] for p in dock.form.stored_photos()] == [str(photo)]
    assert set(dock.step_buttons) == {"determined"}
    assert len(dock.history_rows()) == 2
    assert any("WP2025-002" in m for m in messages(env.iface, Qgis.Success))
    # the layer shows the new state too
    feature = next(f for f in env.layer.getFeatures() if f["patch_no"] == "WP2025-002")
    assert feature["state"] == "verified"


def test_save_without_a_step_and_determination_locked_once_determined(env):
    dock = env.dock
    dock.set_current_patch("WP2025-001", zoom=False)
    dock.form.set_values({"evidence": "卫片对比图"})
    assert dock.save_verification()
    assert get_patch(env.store, "WP2025-001")["evidence"] == "卫片对比图"
    assert env.state_of("WP2025-001") == "issued"
    transition_patches(env.store, ["WP2025-001"], "verified", reason="核查", updates=field_check())
    transition_patches(
        env.store,
        ["WP2025-001"],
        "determined",
        reason="判定",
        updates={"determination": "违法", "violation_type": "无证开采"},
    )
    env.context.dataChanged.emit("patches")
    assert dock.current_patch_no() == "WP2025-001"
    assert dock.form.values()["determination"] == "illegal"
    assert not dock.form.determination_combo.isEnabled()  # changed only by correcting the step
    with pytest.raises(Exception) as refused:
        update_patch_fields(env.store, "WP2025-001", {"determination": "legal"})
    assert "correcting the determination" in str(refused.value)


def test_refused_step_is_reported_with_its_reasons(env):
    dock = env.dock
    transition_patches(env.store, ["WP2026-001"], "verified", reason="核查", updates=field_check())
    env.context.dataChanged.emit("patches")
    dock.set_current_patch("WP2026-001", zoom=False)
    assert set(dock.step_buttons) == {"determined"}
    # a determination without a field check: the date is removed in the form, no determination chosen
    dock.form.date_edit.clear()
    dock.step_buttons["determined"].click()
    wait()
    assert env.state_of("WP2026-001") == "verified"
    assert env.reasons_asked == []  # refused before a reason was asked
    warning = env.warnings()[-1]
    assert "WP2026-001" in warning and "determined" in warning
    assert "field-check date is missing" in warning
    assert "No determination" in warning
    # an illegal determination needs a violation type
    clear_messages(env.iface)
    dock.form.revert()
    dock.form.set_values({"determination": "illegal"})
    dock.step_buttons["determined"].click()
    assert "needs a violation type" in env.warnings()[-1]
    # with it, the step is taken
    dock.form.set_values({"violation_type": "out_of_bounds"})
    dock.step_buttons["determined"].click()
    assert env.state_of("WP2026-001") == "determined"
    assert get_patch(env.store, "WP2026-001")["violation_type"] == "out_of_bounds"
    assert set(dock.step_buttons) == {"case_filed", "rectifying", "closed"}
    # closing an illegal patch straight away is refused
    clear_messages(env.iface)
    dock.step_buttons["closed"].click()
    assert env.state_of("WP2026-001") == "determined"
    assert "only after its case is filed" in env.warnings()[-1]
    # a case needs its number; then rectifying; closing needs completed rectification
    dock.form.set_values({"case_no": "案〔2026〕7号"})
    dock.step_buttons["case_filed"].click()
    assert env.state_of("WP2026-001") == "case_filed"
    dock.step_buttons["rectifying"].click()
    assert env.state_of("WP2026-001") == "rectifying"
    clear_messages(env.iface)
    env.reason = ReasonAnswer("整改到位", rectification_completed=False)
    dock.step_buttons["closed"].click()
    # the real dialog asked about rectification and kept OK disabled while it is not ticked
    assert env.reasons_asked[-1]["rectification_asked"] is True
    assert env.reasons_asked[-1]["ok_enabled"] is False
    assert env.state_of("WP2026-001") == "rectifying"
    env.reason = ReasonAnswer("整改到位", rectification_completed=True)
    dock.step_buttons["closed"].click()
    assert env.state_of("WP2026-001") == "closed"
    assert dock.step_buttons == {}


def test_unsaved_form_changes_are_not_dropped_silently(env):
    dock = env.dock
    dock.set_current_patch("WP2025-001", zoom=False)
    dock.form.set_values({"inspectors": "赵六"})
    dock.next_patch()
    assert dock.current_patch_no() == "WP2025-002"
    assert any("WP2025-001" in m and "discarded" in m for m in env.warnings())
    assert get_patch(env.store, "WP2025-001")["inspectors"] is None


def test_verification_dialog_saves_without_a_step(env, tmp_path):
    from mine_supervision_plugin.gui.verification_dialog import VerificationDialog

    photo = tmp_path / "a.jpg"
    photo.write_bytes(b"\xff\xd8")
    dialog = VerificationDialog(env.context, "WP2026-002", env.window)
    dialog.form.set_values({"finding": "已复绿", "determination": "legal", "violation_type": "unlicensed"})
    assert dialog.form.values()["violation_type"] is None  # a legal patch carries no violation type
    dialog.form.add_photo_paths([str(photo)])
    dialog.accept()
    stored = get_patch(env.store, "WP2026-002")
    assert (stored["finding"], stored["determination"], stored["state"]) == ("已复绿", "legal", "issued")
    assert [p["photo_path"] for p in patch_photos(env.store, "WP2026-002")] == [str(photo)]
    dialog.deleteLater()


def test_cancelled_reason_moves_nothing(env):
    env.reason = None
    env.dock.set_current_patch("WP2025-003", zoom=False)
    env.dock.form.set_values(field_check())
    env.dock.step_buttons["verified"].click()
    assert env.state_of("WP2025-003") == "issued"
    assert env.dock.form.is_dirty()  # the user's entries are still there


def test_batch_step_moves_the_allowed_and_reports_the_refused(env):
    dock = env.dock
    for number in ("WP2025-001", "WP2025-002"):
        update_patch_fields(env.store, number, field_check())
    env.context.dataChanged.emit("patches")
    dock.select_patches(["WP2025-001", "WP2025-002", "WP2025-003"])
    assert dock.selected_patch_nos() == ["WP2025-001", "WP2025-002", "WP2025-003"]
    assert dock.selection_label.text() == "3 selected"
    env.reason = ReasonAnswer("批量核查")
    dock.batch_combo.setCurrentIndex(dock.batch_combo.findData("verified"))
    dock.batch_button.click()
    wait()
    assert [env.state_of(n) for n in ("WP2025-001", "WP2025-002", "WP2025-003")] == ["verified", "verified", "issued"]
    warning = env.warnings()[-1]
    assert "2 patches moved to field-verified, 1 refused" in warning
    assert "WP2025-003" in warning and "field-check date is missing" in warning
    assert patch_history(env.store, "WP2025-001")[-1]["reason"] == "批量核查"
    # the selection survives the reload
    assert dock.selected_patch_nos() == ["WP2025-001", "WP2025-002", "WP2025-003"]
    # a step the workflow does not allow from that state is refused with the allowed one named
    clear_messages(env.iface)
    report = dock.transition_selected("determined")
    assert report.done == []
    warning = env.warnings()[-1]
    assert "0 patches moved to determined, 3 refused" in warning
    assert "cannot move from issued to determined" in warning


def test_a_batch_step_refuses_a_patch_changed_while_the_reason_was_typed(env):
    dock = env.dock
    for number in ("WP2025-001", "WP2025-002"):
        update_patch_fields(env.store, number, field_check())
    env.context.dataChanged.emit("patches")
    dock.select_patches(["WP2025-001", "WP2025-002"])
    env.reason = ReasonAnswer("批量核查")
    env.while_reason = lambda: update_patch_fields(env.store, "WP2025-002", {"finding": "复核：无开采"}, user="王五",
                                                   expected=get_patch(env.store, "WP2025-002"))
    report = dock.transition_selected("verified")
    assert report.done == ["WP2025-001"] and set(report.conflicts) == {"WP2025-002"}
    assert [env.state_of(n) for n in ("WP2025-001", "WP2025-002")] == ["verified", "issued"]
    warning = env.warnings()[-1]
    assert "1 patches moved to field-verified, 1 refused" in warning
    assert "WP2025-002" in warning and "王五" in warning and "复核：无开采" in warning
    assert get_patch(env.store, "WP2025-002")["finding"] == "复核：无开采"  # the other user's change kept


def test_history_pane_and_correcting_the_last_step(env):
    dock = env.dock
    transition_patches(env.store, ["WP2025-002"], "verified", reason="现场核查", user="王五", updates=field_check())
    env.context.dataChanged.emit("patches")
    dock.set_current_patch("WP2025-002", zoom=False)
    rows = dock.history_rows()
    assert len(rows) == 2
    assert rows[0][2] == "— → issued"
    assert rows[1][1:] == ("王五", "issued → field-verified", "现场核查")
    assert dt.datetime.strptime(rows[1][0], "%Y-%m-%d %H:%M:%S")
    assert dock.correct_button.isEnabled()
    # the real correction dialog offers only what the workflow allows: undo, or a next step from the old state
    env.correction = CorrectionAnswer("closed", "误操作")
    assert dock.correct_last_step() is None
    assert env.corrections_asked[-1]["refused_target"] == "closed"
    assert "closed" not in env.corrections_asked[-1]["targets"]
    # undoing the step: a new event, the old one kept and marked
    env.correction = CorrectionAnswer("issued", "核查人员填错图斑")
    fid = dock.correct_last_step()
    assert fid is not None
    events = patch_history(env.store, "WP2025-002")
    assert "WP2025-002" in env.corrections_asked[-1]["title"]
    assert events[-1]["corrects_event"] == events[1]["fid"] and events[-1]["to_state"] == "issued"
    assert events[1]["corrected_by"] == fid
    assert env.state_of("WP2025-002") == "issued"
    rows = dock.history_rows()
    assert len(rows) == 3
    assert rows[2][2] == f"correction of #{events[1]['fid']}: field-verified → issued"
    assert rows[2][3] == "核查人员填错图斑"
    assert dock.history_table.item(1, 2).font().strikeOut()
    assert set(dock.step_buttons) == {"verified"}


def test_the_issue_record_cannot_be_corrected(env):
    env.dock.set_current_patch("WP2025-001", zoom=False)
    assert len(env.dock.history_rows()) == 1
    assert not env.dock.correct_button.isEnabled()


# --- selection sync, reloads, shutdown ---------------------------------------------------------


def test_selection_is_synced_both_ways_with_the_layer(env):
    dock, layer = env.dock, env.layer
    layer.selectByIds([env.fid_of("WP2025-002"), env.fid_of("WP2026-002")])
    assert dock.selected_patch_nos() == ["WP2025-002", "WP2026-002"]
    layer.selectByIds([env.fid_of("XC2026-001")])
    assert dock.selected_patch_nos() == ["XC2026-001"]
    assert dock.current_patch_no() == "XC2026-001"  # one selected on the map: shown in the form
    dock.select_patches(["WP2025-001", "WP2025-003"])
    assert sorted(layer.selectedFeatureIds()) == sorted([env.fid_of("WP2025-001"), env.fid_of("WP2025-003")])
    # a click in the list replaces the map selection
    dock.view.selectRow(dock.proxy.proxy_row_of_patch("WP2026-001"))
    assert layer.selectedFeatureIds() == [env.fid_of("WP2026-001")]
    # filtering hides rows without touching the map selection
    layer.selectByIds([env.fid_of("WP2025-001"), env.fid_of("WP2026-001")])
    dock.set_filters(year=2026)
    assert dock.selected_patch_nos() == ["WP2026-001"]
    assert sorted(layer.selectedFeatureIds()) == sorted([env.fid_of("WP2025-001"), env.fid_of("WP2026-001")])
    dock.set_filters(year=None)
    assert dock.selected_patch_nos() == ["WP2025-001", "WP2026-001"]
    layer.removeSelection()
    assert dock.selected_patch_nos() == []


def test_reloads_on_data_changed_and_store_changed(env):
    dock = env.dock
    add_patches(env.store, [{"patch_no": "JB2026-001", "geometry": patch_box(7, 50)}], source="tip_off")
    assert dock.model.rowCount() == len(PATCHES)
    env.context.dataChanged.emit("patches")
    assert dock.model.rowCount() == len(PATCHES) + 1
    row = dock.visible_patch_nos().index("JB2026-001")
    assert dock.proxy.index(row, column_of("source")).data() == "tip-off"
    env.context.dataChanged.emit("notices")  # another table: no reload needed
    env.context.set_store(None)
    assert dock.model.rowCount() == 0 and dock.current_patch_no() is None
    env.context.set_store(env.store)
    assert dock.model.rowCount() == len(PATCHES) + 1


def test_dock_works_without_the_layers_in_the_project(env):
    QgsProject.instance().clear()
    wait()
    dock = env.dock
    assert dock.layer is None
    assert dock.model.rowCount() == len(PATCHES)  # read from the database itself
    assert dock.next_patch() == "WP2025-001"
    assert env.canvas.extent().contains(QgsRectangle(*patch_box(0, 80).bounds))
    # loading the project again rebinds the selection sync
    load_into_project(env.store)
    wait()
    assert dock.layer is env.layer
    dock.select_patches(["WP2025-002"])
    assert env.layer.selectedFeatureIds() == [env.fid_of("WP2025-002")]


def test_shutdown_disconnects_everything_outside(env):
    dock, context = env.dock, env.context
    receivers = (context.receivers(context.dataChanged), context.receivers(context.storeChanged))
    layer = env.layer
    dock.shutdown()
    assert context.receivers(context.dataChanged) == receivers[0] - 1
    assert context.receivers(context.storeChanged) == receivers[1] - 1
    add_patches(env.store, [{"patch_no": "JB2026-002", "geometry": patch_box(8, 50)}], source="tip_off")
    context.dataChanged.emit("patches")
    assert dock.model.rowCount() == len(PATCHES)
    layer.selectByIds([env.fid_of("WP2025-001")])
    assert dock.selected_patch_nos() == []
    load_into_project(env.store)  # the project's signals are no longer heard either
    wait()
    assert dock.layer is None


# --- volume -------------------------------------------------------------------------------


def write_many(path, count: int) -> None:
    """``count`` patches straight into the GeoPackage (as an enforcement batch import would leave them)."""
    source = ogr.Open(str(path), update=1)
    source.StartTransaction()
    layer = source.GetLayerByName("patches")
    prejudgments = ("within_licence", "out_of_bounds", "expired_licence", "unlicensed")
    states = ("issued", "verified", "determined", "case_filed", "rectifying", "closed")
    for i in range(count):
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetField("patch_no", f"WP{i:06d}")
        feature.SetField("source", "satellite" if i % 5 else "patrol")
        feature.SetField("year", 2024 + i % 3)
        feature.SetField("state", states[i % 6])
        feature.SetField("prejudgment", prejudgments[i % 4])
        feature.SetField("license_no", f"C41000020110311200{i % 900:05d}")
        feature.SetField("zone_name", f"矿区{i % 12}")
        feature.SetField("zone_level", "province")
        feature.SetField("area_m2", 1000.0 + i)
        feature.SetField("date_before", "2024-10-01")
        feature.SetField("date_after", "2025-01-15")
        east, north = EAST + (i % 100) * 300.0, NORTH + (i // 100) * 300.0
        feature.SetGeometry(
            ogr.CreateGeometryFromWkt(
                f"MULTIPOLYGON((({east} {north}, {east + 100} {north}, {east + 100} {north + 80}, {east} {north + 80}, {east} {north})))"
            )
        )
        layer.CreateFeature(feature)
    source.CommitTransaction()
    source = None


def test_ten_thousand_patches_stay_fluid(tmp_path, qgis_iface, qgis_canvas, capsys):
    path = create_database(tmp_path / "province.gpkg", EPSG)
    write_many(path, 10_000)
    store = open_database(path)
    load_into_project(store)
    context = PluginContext(qgis_iface, DependencyReport([]))
    context.set_store(store)
    window = QMainWindow()
    started = time.perf_counter()
    dock = PatchesDock(context, window)
    window.addDockWidget(Qt.RightDockWidgetArea, dock)
    window.show()
    wait()
    shown = time.perf_counter() - started
    try:
        assert dock.model.rowCount() == 10_000
        timings = {"dock created and shown": shown, "load (one request)": dock.last_load_seconds}
        started = time.perf_counter()
        dock.reload()
        timings["reload"] = time.perf_counter() - started
        started = time.perf_counter()
        dock.set_filters(prejudgment="unlicensed")
        timings["filter"] = time.perf_counter() - started
        assert dock.proxy.rowCount() == 2_500
        started = time.perf_counter()
        dock.search_edit.setText("00017")
        timings["text search"] = time.perf_counter() - started
        dock.clear_filters()
        started = time.perf_counter()
        dock.view.sortByColumn(column_of("area_m2"), Qt.DescendingOrder)
        timings["sort"] = time.perf_counter() - started
        assert dock.visible_patch_nos()[0] == "WP009999"
        started = time.perf_counter()
        find_layer("patches").selectAll()
        timings["select all 10,000 on the map"] = time.perf_counter() - started
        assert len(dock.selected_patch_nos()) == 10_000
        started = time.perf_counter()
        dock.next_patch()
        timings["next patch"] = time.perf_counter() - started
        with capsys.disabled():
            print("\n10,000 patches: " + ", ".join(f"{k} {v:.3f} s" for k, v in timings.items()))
    finally:
        dock.shutdown()
        window.close()
        window.deleteLater()
        wait()
        QgsProject.instance().clear()


def test_tooltips_show_what_the_columns_cannot():
    row = {"patch_no": "TB1", "remarks": "TBLX: 采矿", "prejudgment": "expired_licence", "expired_area_m2": 1234.5,
           "prejudge_note": "geometry repaired", "license_no": "C1,C2"}
    assert tool_tip(row, "patch_no") == "Remarks: TBLX: 采矿"
    assert tool_tip(row, "prejudgment").splitlines() == [
        "Inside licences not valid on the imagery date: 1,234.5 m²", "geometry repaired"]
    assert tool_tip(row, "license_no") == "C1,C2"
    assert tool_tip({"patch_no": "TB2", "prejudgment": "within_licence", "expired_area_m2": 0.0}, "prejudgment") is None
    assert tool_tip({"patch_no": "TB2"}, "patch_no") is None


def test_vocabulary_labels_follow_the_interface_language(tmp_path, qgis_app):
    """Issue 10, item 13: English next to English; Chinese in a Chinese QGIS; documents always Chinese."""
    import subprocess

    from qgis.PyQt.QtCore import QCoreApplication, QTranslator

    from mine_supervision_plugin.domain.vocab import chinese_label, display_label, display_labels, to_code

    assert display_label("patch_state", "verified") == "field-verified"
    assert display_labels("patch_source")["satellite"] == "satellite imagery"
    assert chinese_label("patch_source", "satellite") == "卫片"
    assert to_code("patch_source", "satellite imagery") == to_code("patch_source", "卫片") == "satellite"
    qm = tmp_path / "zh.qm"
    ts = Path(__file__).resolve().parents[2] / "i18n" / "mine_supervision_zh_CN.ts"
    subprocess.run(["lrelease", "-silent", str(ts), "-qm", str(qm)], check=True)
    translator = QTranslator()
    assert translator.load(str(qm))
    QCoreApplication.installTranslator(translator)
    try:
        assert display_label("patch_state", "verified") == "已核查"
        # Translated, or (while its translation is missing) the Chinese label: never English in Chinese.
        assert display_labels("patch_source") == {"satellite": "卫片", "patrol": "巡查", "tip_off": "举报",
                                                  "assigned": "上级交办"}
        assert display_label("violation_type", "farmland") == "占用耕地/基本农田"
        assert to_code("patch_source", "卫片") == "satellite"
    finally:
        QCoreApplication.removeTranslator(translator)
    assert display_label("patch_state", "verified") == "field-verified"


def test_patch_numbers_elide_in_the_middle_and_history_times_fit(env):
    """Issue 10, item 6: "140404-2026-…" hid the part that differs; history times were cut."""
    dock = env.dock
    assert dock.view.textElideMode() == Qt.ElideMiddle
    dock.set_current_patch("WP2025-002", zoom=False)
    shown = dock.history_table.item(0, 0).text()
    assert len(shown) == len("2026-05-14 13:32:07")
    needed = dock.history_table.fontMetrics().horizontalAdvance(shown)
    assert dock.history_table.columnWidth(0) >= needed + 8


def case_records(store, table: str) -> list[dict]:
    """The rows of ``notices`` or ``ledger_items``, read with OGR from the database file."""
    source = ogr.Open(store.location)
    try:
        layer = source.GetLayerByName(table)
        return [
            {layer.GetLayerDefn().GetFieldDefn(i).GetName(): feature.GetField(i) for i in range(feature.GetFieldCount())}
            for feature in layer
        ]
    finally:
        layer = source = None


def type_chinese(edit, text: str) -> None:
    """What a Chinese input method sends when the user picks ``text``: a commit string (QTest types Latin-1 only)."""
    from qgis.PyQt.QtGui import QInputMethodEvent

    edit.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(edit, event)


def test_case_and_notice_numbers_typed_in_the_form_create_and_close_their_records(env, request):
    """Issue 10, item 5: a case number and a notice number typed in the form, then the steps to closed, created
    the notice and the ledger item and closed them; the licence counts its notice in the rights dock."""
    from mine_supervision_plugin.gui.rights_dock import RightsDock

    licence = "C4100002011031120000001"  # the licence of WP2025-002
    with env.store.transaction() as source:
        rights = source.GetLayerByName("mining_rights")
        feature = ogr.Feature(rights.GetLayerDefn())
        for name, value in (("license_no", licence), ("mine_name", "青山石灰岩矿"), ("holder", "青山矿业有限公司")):
            feature.SetField(name, value)
        feature.SetGeometry(ogr.ForceToMultiPolygon(ogr.CreateGeometryFromWkb(patch_box(1, 300).wkb)))
        rights.CreateFeature(feature)
    env.context.dataChanged.emit("mining_rights")
    rights_dock = RightsDock(env.context, env.window)
    request.addfinalizer(rights_dock.shutdown)
    env.window.addDockWidget(Qt.RightDockWidgetArea, rights_dock)
    wait(50)
    rights_dock.table_view.selectRow(rights_dock.visible_license_nos().index(licence))
    wait()
    assert rights_dock.link_buttons["notices"].text() == "Notices: 0"

    dock = env.dock
    assert dock.set_current_patch("WP2025-002", zoom=False)
    dock.form.set_values(field_check())
    dock.step_buttons["verified"].click()
    dock.form.set_values({"determination": "illegal", "violation_type": "out_of_bounds"})
    dock.step_buttons["determined"].click()
    assert env.state_of("WP2025-002") == "determined"
    assert case_records(env.store, "notices") == []
    [item] = case_records(env.store, "ledger_items")  # an illegal patch is a problem of the ledger
    assert (item["patch_no"], item["notice_no"], item["state"]) == ("WP2025-002", None, "open")

    # typed by hand, as the technician does: Chinese through the input method, the rest key by key
    type_chinese(dock.form.case_edit, "青自然资罚〔2026〕")
    QTest.keyClicks(dock.form.case_edit, "12")
    type_chinese(dock.form.case_edit, "号")
    type_chinese(dock.form.notice_edit, "青自然资整改〔2026〕")
    QTest.keyClicks(dock.form.notice_edit, "3")
    type_chinese(dock.form.notice_edit, "号")
    assert dock.form.is_dirty()
    dock.step_buttons["case_filed"].click()
    assert env.state_of("WP2025-002") == "case_filed", env.warnings()
    [notice] = case_records(env.store, "notices")
    assert (notice["notice_no"], notice["license_no"], notice["holder"], notice["patch_no"], notice["state"]) == (
        "青自然资整改〔2026〕3号", licence, "青山矿业有限公司", "WP2025-002", "issued"
    )
    [item] = case_records(env.store, "ledger_items")
    assert (item["patch_no"], item["license_no"], item["notice_no"], item["state"]) == (
        "WP2025-002", licence, "青自然资整改〔2026〕3号", "rectifying"
    )
    assert not item["rectification_done"] and item["closed_at"] is None

    dock.step_buttons["rectifying"].click()
    env.reason = ReasonAnswer("整改到位，罚款已缴", rectification_completed=True)
    dock.step_buttons["closed"].click()
    assert env.state_of("WP2025-002") == "closed", env.warnings()
    stored = get_patch(env.store, "WP2025-002")
    assert (stored["case_no"], stored["notice_no"]) == ("青自然资罚〔2026〕12号", "青自然资整改〔2026〕3号")
    [notice] = case_records(env.store, "notices")
    assert notice["state"] == "completed"
    [item] = case_records(env.store, "ledger_items")
    assert item["state"] == "closed" and item["rectification_done"] and item["penalty_done"]
    assert item["closed_at"] == dt.date.today().strftime("%Y/%m/%d")

    # the rights dock, open beside, counts the notice under the licence
    rights_dock.table_view.selectRow(rights_dock.visible_license_nos().index(licence))
    wait()
    assert rights_dock.link_buttons["notices"].text() == "Notices: 1"
    assert rights_dock.link_buttons["notices"].isEnabled()


def test_a_step_or_save_on_a_patch_another_user_changed_is_refused_with_that_change(env):
    """Another QGIS on the same database changes the patch shown here: nothing of it is overwritten."""
    dock = env.dock
    dock.set_current_patch("WP2025-002", zoom=False)
    dock.form.set_values(field_check())
    update_patch_fields(env.store, "WP2025-002", {"evidence": "他人拍摄的照片"}, user="王五")  # no signal here: elsewhere
    dock.step_buttons["verified"].click()
    wait()
    assert env.state_of("WP2025-002") == "issued"
    warning = env.warnings()[-1]
    assert "王五" in warning and "evidence" in warning and "他人拍摄的照片" in warning
    # the form shows the other change and keeps this user's edits: the step can be taken again
    assert dock.form.values()["evidence"] == "他人拍摄的照片"
    assert dock.form.changed_values()["inspectors"] == "张三, 李四"
    dock.step_buttons["verified"].click()
    wait()
    assert env.state_of("WP2025-002") == "verified"
    assert get_patch(env.store, "WP2025-002")["evidence"] == "他人拍摄的照片"
    # a save without a step, likewise
    dock.set_current_patch("WP2025-001", zoom=False)
    dock.form.set_values({"evidence": "卫片对比图"})
    update_patch_fields(env.store, "WP2025-001", {"finding": "他人的核查情况"}, user="王五")
    assert not dock.save_verification()
    assert "王五" in env.warnings()[-1] and get_patch(env.store, "WP2025-001")["evidence"] is None
    assert dock.form.values()["finding"] == "他人的核查情况"
    assert dock.save_verification()
    assert get_patch(env.store, "WP2025-001")["evidence"] == "卫片对比图"


def test_the_patrols_that_looked_at_a_patch_are_shown_with_it(env):
    """Issue 11 item 2: a patrol linked to patches is shown in the patches panel (the rights panel shows a mine's)."""
    from osgeo import ogr

    from mine_supervision_plugin.store.ogr_util import set_field

    with env.store.transaction() as source:
        layer = source.GetLayerByName("inspections")
        for day, kind, patches, finding in (
            (dt.date(2026, 3, 2), "patrol", "WP2025-002,WP2026-001", "矿区外新增堆土"),
            (dt.date(2026, 5, 9), "field_check", "WP2025-002", "已停止开采"),
            (dt.date(2026, 6, 1), "patrol", "WP2025-0021", "编号相近的另一图斑"),  # not WP2025-002's
        ):
            feature = ogr.Feature(layer.GetLayerDefn())
            for name, value in (("inspection_date", day), ("kind", kind), ("patch_no", patches),
                                ("inspectors", "李四"), ("finding", finding)):
                set_field(feature, name, value)
            layer.CreateFeature(feature)
    dock = env.dock
    dock.set_current_patch("WP2025-002", zoom=False)
    rows = dock.patrol_rows()
    assert [row[0] for row in rows] == ["2026-05-09", "2026-03-02"]  # latest first, the look-alike number left out
    assert rows[1][2:4] == ("李四", "矿区外新增堆土") and rows[0][1] and rows[0][1] != "field_check"  # a label
    dock.set_current_patch("WP2026-001", zoom=False)
    assert [row[3] for row in dock.patrol_rows()] == ["矿区外新增堆土"]
    dock.set_current_patch("WP2025-003", zoom=False)
    assert dock.patrol_rows() == []


def test_a_patch_the_store_flags_for_the_judiciary_says_so(env):
    """Issue 11 item 6: the seed-003 finding the store writes on a determined patch is shown with it."""
    with env.store.transaction() as source:
        layer = source.GetLayerByName("patches")
        layer.SetAttributeFilter("patch_no = 'WP2025-002'")
        feature = layer.GetNextFeature()
        feature.SetField("transfer_required", 1)
        feature.SetField("transfer_basis", "二年内曾受两次行政处罚")
        layer.SetFeature(feature)
        layer = None
    env.dock.set_current_patch("WP2025-002", zoom=False)
    assert "二年内曾受两次行政处罚" in env.dock.current_label.text()
    assert env.dock.current_label.text().count("\n") == 1
    env.dock.set_current_patch("WP2025-003", zoom=False)
    assert "\n" not in env.dock.current_label.text()
