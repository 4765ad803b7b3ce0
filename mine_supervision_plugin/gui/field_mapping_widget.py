"""The field mapping of "Import patch batch…" as a table of combo boxes, as in QGIS's "Refactor fields".

One row per patch field the reader fills (:data:`~..formats.patch_batches.TARGETS`),
each with a combo listing the chosen file's fields, "(automatic)" (the usual
field names, :data:`~..formats.patch_batches.DEFAULT_CANDIDATES`) and "(none)".
The table starts from the mapping saved in the settings, follows the dialog's
INPUT (and LAYER) parameter, and gives the algorithm's MAPPING parameter the
same JSON text that scripts and ``qgis_process`` pass, so the algorithm is the
same whichever face calls it. After a successful run the mapping is saved for
the next import.

QGIS's Processing dialog builds :class:`FieldMappingWidgetWrapper` from the
parameter's metadata, which the desktop face sets when QGIS's GUI starts
(``plugin.py``); this module is imported by that dialog only, never by
``qgis_process``.
"""

from __future__ import annotations

from pathlib import Path

from processing.gui.wrappers import DIALOG_STANDARD, WidgetWrapper
from qgis.PyQt.QtCore import Qt, pyqtSignal
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..formats.patch_batches import (
    DEFAULT_CANDIDATES,
    FieldMapping,
    PatchFormatError,
    _open,
    _pick_layer,
    detect_shapefile_encoding,
    load_saved_mapping,
    save_mapping,
)
from ..i18n import tr

#: The value of the "(automatic)" choice: no override, the usual field names are tried.
AUTOMATIC = object()
#: The value of the "(none)" choice: the patch field stays empty.
NONE = ""


def target_labels() -> dict[str, str]:
    """The table's row labels, one per patch field the reader fills."""
    return {
        "patch_no": tr("Patch number"),
        "county_code": tr("County code"),
        "date_before": tr("Before-imagery date"),
        "date_after": tr("After-imagery date"),
        "area_m2": tr("Declared area"),
        "remarks": tr("Remarks"),
        "year": tr("Year"),
        "batch": tr("Batch"),
    }


def file_field_names(path: str, layer_name: str | None = None) -> list[str]:
    """The attribute fields of the patch layer of ``path``, as the import will read them.

    The same encoding detection and layer choice as the reader; raises
    :class:`PatchFormatError` (worded for the user) when the file cannot be read.
    """
    file = Path(path)
    if not file.is_file():
        raise PatchFormatError(tr("{file} does not exist.").format(file=file.name))
    encoding = detect_shapefile_encoding(file)[0] if file.suffix.lower() == ".shp" else None
    dataset = _open(file, encoding)
    try:
        definition = _pick_layer(dataset, file, layer_name).GetLayerDefn()
        return [definition.GetFieldDefn(i).GetName() for i in range(definition.GetFieldCount())]
    finally:
        dataset = None  # noqa: F841 - closes the file


class FieldMappingTable(QWidget):
    """Patch field → field of the file, one combo box per patch field."""

    mappingChanged = pyqtSignal()  # noqa: N815 (Qt's naming)

    def __init__(self, parent: QWidget | None = None, *, targets: dict[str, str] | None = None,
                 candidates: dict[str, tuple[str, ...]] | None = None, headers: tuple[str, str] | None = None):
        """The patch fields by default; ``targets`` (field → label), ``candidates`` (usual names) and
        ``headers`` make it map another kind of record (the zones dock's import of monitoring zones)."""
        super().__init__(parent)
        self._patches = targets is None
        self._targets = targets if targets is not None else target_labels()
        self._candidates = candidates if candidates is not None else DEFAULT_CANDIDATES
        self._wanted: dict[str, str | list[str]] = {}  # the user's choices, kept across files
        self._area_unit = "auto"
        self._names: list[str] | None = None  # the file's fields; None: no file read
        self._values: dict[str, list] = {}
        self._filling = False

        self.table = QTableWidget(len(self._targets), 2, self)
        self.table.setObjectName("fieldMappingTable")
        self.table.setHorizontalHeaderLabels(list(headers or (tr("Patch field"), tr("Field in the file"))))
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionMode(QAbstractItemView.NoSelection)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.Stretch)
        self.combos: dict[str, QComboBox] = {}
        for row, (target, label) in enumerate(self._targets.items()):
            item = QTableWidgetItem(label)
            item.setToolTip(tr("Usual field names: {names}").format(names=", ".join(self._candidates[target])))
            self.table.setItem(row, 0, item)
            combo = QComboBox()
            combo.setObjectName(f"mapping_{target}")
            combo.currentIndexChanged.connect(lambda index, target=target: self._chosen(target, index))
            self.combos[target] = combo
            self.table.setCellWidget(row, 1, combo)
        self.table.resizeRowsToContents()
        height = self.table.horizontalHeader().sizeHint().height() + 2 * self.table.frameWidth()
        height += sum(self.table.rowHeight(row) for row in range(self.table.rowCount()))
        self.table.setMinimumHeight(height)
        self.table.setMaximumHeight(height)

        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.setVisible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addWidget(self.note)
        self._fill_all()

    # -- what the table holds -------------------------------------------------
    def set_mapping(self, mapping: FieldMapping) -> None:
        """Show ``mapping``: its overrides become the rows' choices, the others stay automatic."""
        self._wanted = {target: NONE if value is None else value for target, value in mapping.fields.items()}
        self._area_unit = mapping.area_unit
        self._fill_all()

    def set_file_fields(self, names: list[str] | None, note: str = "") -> None:
        """List the file's fields in every combo (None: no file read); ``note`` says why not."""
        self._names = list(names) if names is not None else None
        self.note.setText(note)
        self.note.setVisible(bool(note))
        self._fill_all()

    def mapping(self) -> FieldMapping:
        """The mapping the table shows: what the import will use."""
        fields = {}
        for target in self._targets:
            value = self.current_value(target)
            if value is not AUTOMATIC:
                fields[target] = value
        return FieldMapping(fields=fields, area_unit=self._area_unit)

    def wanted_mapping(self) -> FieldMapping:
        """The user's choices, including those the current file lacks: what is saved for the next import."""
        return FieldMapping(fields=dict(self._wanted), area_unit=self._area_unit)

    def current_value(self, target: str):
        index = self.combos[target].currentIndex()
        values = self._values.get(target, [])
        return values[index] if 0 <= index < len(values) else AUTOMATIC

    # -- filling the combos -----------------------------------------------------
    def chosen_fields(self) -> dict[str, str | list[str] | None]:
        """Each target's field as the user chose it ("" / None: none); automatic targets are left out."""
        chosen = {}
        for target in self._targets:
            value = self.current_value(target)
            if value is not AUTOMATIC:
                chosen[target] = value or None
        return chosen

    def _found(self, target: str) -> list[str] | None:
        """The file's fields the automatic choice takes for ``target``."""
        if self._patches:
            return FieldMapping().resolve(self._names).get(target)
        by_lower = {name.lower(): name for name in self._names or []}
        found = next((by_lower[c.lower()] for c in self._candidates[target] if c.lower() in by_lower), None)
        return [found] if found else None

    def _fill_all(self) -> None:
        for target in self._targets:
            self._fill(target)

    def _fill(self, target: str) -> None:
        combo = self.combos[target]
        wanted = self._wanted.get(target, AUTOMATIC)
        if self._names is None:
            automatic = tr("(automatic)")
        else:
            found = self._found(target)
            automatic = (
                tr("(automatic: {fields})").format(fields=" + ".join(found))
                if found
                else tr("(automatic: none found)")
            )
        choices: list[tuple[str, object]] = [(automatic, AUTOMATIC), (tr("(none)"), NONE)]
        choices += [(name, name) for name in self._names or []]
        current = AUTOMATIC
        if wanted is AUTOMATIC or wanted == NONE:
            current = wanted
        elif self._names is None:  # no file: the saved choice as it is
            current = wanted
            choices.append((wanted if isinstance(wanted, str) else " + ".join(wanted), wanted))
        else:  # the file's spelling of the chosen field(s); automatic when the file has none of them
            by_lower = {name.lower(): name for name in self._names}
            names = [wanted] if isinstance(wanted, str) else list(wanted)
            found = list(dict.fromkeys(by_lower[n.lower()] for n in names if n.lower() in by_lower))
            if len(found) == 1:
                current = found[0]
            elif found:
                current = found
                choices.append((" + ".join(found), found))
        self._filling = True
        try:
            combo.clear()
            for label, value in choices:
                combo.addItem(label)
                if value is AUTOMATIC:
                    combo.setItemData(
                        combo.count() - 1,
                        tr("Usual field names: {names}").format(names=", ".join(self._candidates[target])),
                        Qt.ToolTipRole,
                    )
            self._values[target] = [value for _label, value in choices]
            index = next((i for i, (_label, value) in enumerate(choices) if value is current or value == current), 0)
            combo.setCurrentIndex(index)
        finally:
            self._filling = False

    def _chosen(self, target: str, index: int) -> None:
        if self._filling:
            return
        value = self.current_value(target)
        if value is AUTOMATIC:
            self._wanted.pop(target, None)
        else:
            self._wanted[target] = value
        self.mappingChanged.emit()


class FieldMappingWidgetWrapper(WidgetWrapper):
    """The MAPPING parameter of ``minesupervision:importpatches`` in QGIS's Processing dialog.

    In the algorithm dialog: a :class:`FieldMappingTable` following INPUT and
    LAYER. In the batch and model dialogs: the JSON text, as scripts give it.
    The value is the JSON text either way.
    """

    INPUT = "INPUT"
    LAYER = "LAYER"

    def createWidget(self, **kwargs):  # noqa: N802 (QGIS's name)
        self._input = None
        self._layer = None
        if self.dialogType != DIALOG_STANDARD:
            edit = QLineEdit()
            edit.setPlaceholderText('{"fields": {"patch_no": "WPBH"}}')
            return edit
        table = FieldMappingTable()
        table.set_mapping(load_saved_mapping())
        table.mappingChanged.connect(lambda: self.widgetValueHasChanged.emit(self))
        return table

    def createLabel(self):  # noqa: N802 (QGIS's name)
        label = super().createLabel()
        if label is not None and isinstance(self.widget, FieldMappingTable):
            label.setText(tr("Field mapping"))
        return label

    def postInitialize(self, wrappers):  # noqa: N802 (QGIS's name)
        if not isinstance(self.widget, FieldMappingTable):
            return
        for wrapper in wrappers:
            name = wrapper.parameterDefinition().name()
            if name == self.INPUT:
                self._input = wrapper
            elif name == self.LAYER:
                self._layer = wrapper
        for wrapper in (self._input, self._layer):
            if wrapper is not None:
                wrapper.widgetValueHasChanged.connect(self._file_changed)
        finished = getattr(self.dialog, "algorithmFinished", None)
        if finished is not None:
            finished.connect(self._finished)
        self._file_changed()

    def _file_changed(self, *args) -> None:
        path = self._input.parameterValue() if self._input is not None else None
        layer = self._layer.parameterValue() if self._layer is not None else None
        path = str(path or "").strip()
        if not path:
            self.widget.set_file_fields(None)
            return
        try:
            names = file_field_names(path, str(layer or "").strip() or None)
        except (PatchFormatError, RuntimeError, OSError) as error:
            self.widget.set_file_fields(None, tr("The fields of the file cannot be listed: {reason}").format(
                reason=error
            ))
            return
        self.widget.set_file_fields(names)

    def _finished(self, successful: bool, results: dict) -> None:
        if successful and isinstance(self.widget, FieldMappingTable):
            save_mapping(self.widget.wanted_mapping())

    def setValue(self, value):  # noqa: N802 (QGIS's name)
        text = "" if value is None else str(value).strip()
        if not isinstance(self.widget, FieldMappingTable):
            self.widget.setText(text)
            return
        try:
            mapping = FieldMapping.from_json(text) if text else load_saved_mapping()
        except (ValueError, TypeError):
            return  # not a mapping: the table keeps what it shows
        self.widget.set_mapping(mapping)

    def value(self):
        if not isinstance(self.widget, FieldMappingTable):
            return self.widget.text().strip()
        return self.widget.mapping().to_json()
