"""Resolve check-in conflicts…: the conflicts check-ins left on the open database, one row each, the user's choice
per row (keep the server's value, take the field copy's, decide later), applied in one transaction by
:func:`..store.checkout.resolve_conflicts`; a refusal (the server changed the value again, the workflow forbids
the step) is said under the table and the dialog stays open with the choices made."""

from __future__ import annotations

from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from ..domain.vocab import display_label
from ..i18n import tr
from ..store.checkout import (
    ADDED_IN_COPY,
    ADDED_ON_SERVER,
    TAKE_COPY,
    TAKE_SERVER,
    OpenConflict,
    ResolveReport,
    conflict_value_text,
    open_conflicts,
    resolve_conflicts,
)
from ..store.database import GEOMETRY_COLUMN, StoreError
from ..store.project import find_layer
from ..store.schema import table as table_spec
from .context import PluginContext
from .dialog_parts import add_error_and_buttons

DIALOG_NAME = "MineSupervisionCheckinConflictsDialog"
#: The column holding each row's choice: right after the two values, so it is in view beside them.
TAKE_COLUMN = 5


def _table_title(name: str) -> str:
    try:
        return table_spec(name).alias or name
    except KeyError:
        return name


def shown_value(conflict: OpenConflict, value) -> str:
    """A conflict's value as a technician reads it: vocabulary labels, a geometry by its area, blanks said."""
    if value is None or value == "":
        return tr("(empty)")
    if value in (ADDED_IN_COPY, ADDED_ON_SERVER):
        return conflict_value_text(value)
    if conflict.field == GEOMETRY_COLUMN and isinstance(value, str) and value[:1].isalpha():
        from osgeo import ogr

        geometry = ogr.CreateGeometryFromWkt(value)
        if geometry is not None:
            return tr("geometry, {area} m²").format(area=f"{geometry.GetArea():,.1f}")
    try:
        vocabulary = table_spec(conflict.table).field(conflict.field).vocabulary
    except KeyError:
        vocabulary = None
    if vocabulary and isinstance(value, str):
        return display_label(vocabulary, value)
    return str(value)


def _who(user: str | None, when: str | None) -> str:
    if not user and not when:
        return tr("not recorded")
    return f"{user or tr('unknown')} {(when or '').replace('T', ' ')}".strip()


class CheckinConflictsDialog(QDialog):
    """The open conflicts of the database's check-ins with a choice per row; OK applies them in one transaction."""

    def __init__(self, context: PluginContext, conflicts: list[OpenConflict], parent=None):
        super().__init__(parent)
        self.context = context
        self.conflicts = conflicts
        self.report: ResolveReport | None = None
        self.setObjectName(DIALOG_NAME)
        self.setWindowTitle(tr("Resolve check-in conflicts"))
        layout = QVBoxLayout(self)
        checkins = len({c.checkout_id for c in conflicts})
        self.summary = QLabel(tr("{database}: conflicts {count}, from check-ins {checkins}. A field changed both in "
                                 "the field copy and on the server; the server kept its value. Choose per row which "
                                 "value stays.").format(count=len(conflicts), checkins=checkins,
                                                       database=context.store.shown), self)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.table = QTableWidget(len(conflicts), 8, self)
        self.table.setObjectName("conflicts")
        self.table.setHorizontalHeaderLabels([
            tr("Table"), tr("Row"), tr("Field"), tr("Server value"), tr("Field copy value"), tr("Keep"),
            tr("Changed on the server"), tr("Checked in")])
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.verticalHeader().hide()
        self.combos: list[QComboBox] = []
        for row, conflict in enumerate(conflicts):
            texts = [_table_title(conflict.table), conflict.key, self._field_title(conflict),
                     shown_value(conflict, conflict.server), shown_value(conflict, conflict.local),
                     _who(conflict.server_user, conflict.server_when),
                     _who(conflict.checked_in_by, conflict.checked_in_at)]
            for column, text in zip([c for c in range(8) if c != TAKE_COLUMN], texts):
                item = QTableWidgetItem(text)
                item.setToolTip(conflict.describe())
                self.table.setItem(row, column, item)
            combo = QComboBox(self.table)
            combo.setObjectName(f"take_{row}")
            combo.addItem(tr("Decide later"), None)
            combo.addItem(tr("Server's value"), TAKE_SERVER)
            if conflict.resolvable_by_copy:
                combo.addItem(tr("Field copy's value"), TAKE_COPY)
            else:  # deleted on the server, added on both sides, a licence boundary: the server's is kept
                combo.setToolTip(conflict.copy_refusal())
            self.table.setCellWidget(row, TAKE_COLUMN, combo)
            self.combos.append(combo)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeToContents)
        # the choice lists are cell widgets, which ResizeToContents does not measure: their column fits the widest
        header.setSectionResizeMode(TAKE_COLUMN, QHeaderView.Fixed)
        layout.addWidget(self.table)
        self.error_label, self.buttons = add_error_and_buttons(self, layout)
        self.buttons.button(QDialogButtonBox.Ok).setText(tr("Apply choices"))
        # wide enough for every column where the screen allows (resizing to contents sizes the choice column too:
        # it is set after)
        self.table.resizeColumnsToContents()
        self.table.setColumnWidth(TAKE_COLUMN, max([c.sizeHint().width() for c in self.combos] + [120]) + 8)
        wanted = sum(self.table.columnWidth(c) for c in range(self.table.columnCount())) + 60
        screen = self.screen().availableGeometry().width() if hasattr(self, "screen") and self.screen() else 1600
        self.resize(max(900, min(wanted, screen - 40)), 420)

    @staticmethod
    def _field_title(conflict: OpenConflict) -> str:
        if conflict.field == GEOMETRY_COLUMN:
            return tr("geometry")
        try:
            return f"{table_spec(conflict.table).field(conflict.field).alias} ({conflict.field})"
        except KeyError:
            return conflict.field

    def set_choice(self, row: int, take: str | None) -> None:
        """Choose ``copy``, ``server`` or None (decide later) for row ``row``, as the user does with its list."""
        combo = self.combos[row]
        index = combo.findData(take)
        if index < 0:
            raise ValueError(f"row {row} offers no choice {take!r}")
        combo.setCurrentIndex(index)

    def choices(self) -> dict[tuple[str, int], str]:
        return {(conflict.checkout_id, int(conflict.id)): combo.currentData()
                for conflict, combo in zip(self.conflicts, self.combos) if combo.currentData()}

    def _refuse(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()

    def accept(self) -> None:
        choices = self.choices()
        if not choices:
            self._refuse(tr("Choose the value to keep for at least one conflict, or Cancel."))
            return
        try:
            self.report = resolve_conflicts(self.context.store, choices)
        except StoreError as error:  # said in words; the dialog keeps the user's choices
            self._refuse(str(error))
            return
        tables = {c.table for c in self.conflicts if (c.checkout_id, int(c.id)) in choices}
        for name in sorted(tables):
            layer = find_layer(name)
            if layer is not None:
                layer.reload()  # the provider re-reads what was written outside QGIS
                layer.triggerRepaint()
            self.context.dataChanged.emit(name)
        self.context.success(tr("Check-in conflicts resolved: {taken} field copy values written, {kept} server values "
                                "kept; {open} still open.").format(
            taken=len(self.report.taken), kept=len(self.report.kept),
            open=len(self.conflicts) - len(self.report.taken) - len(self.report.kept) - len(self.report.already)))
        super().accept()


def resolve_checkin_interactive(context: PluginContext, parent=None) -> ResolveReport | None:
    """The menu's Resolve check-in conflicts…: the dialog on the open database, or why there is nothing to do."""
    if context.store is None:
        context.warning(tr("Open a supervision database first."))
        return None
    try:
        conflicts = open_conflicts(context.store)
    except StoreError as error:
        context.error(str(error))
        return None
    if not conflicts:
        context.info(tr("No check-in conflicts are waiting in {database}.").format(database=context.store.shown))
        return None
    dialog = CheckinConflictsDialog(context, conflicts, parent or context.iface.mainWindow())
    if dialog.exec_() != QDialog.Accepted:
        return None
    return dialog.report
