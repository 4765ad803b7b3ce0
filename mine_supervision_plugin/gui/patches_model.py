"""The table model behind the patches dock: one row per patch, read in one pass.

Rows are plain dicts read from the ``patches`` layer with a single
:class:`QgsFeatureRequest` (attributes only, no geometry), so 10,000 patches
load in well under a second. Codes are stored; Chinese labels are shown.
Sorting is done in Python on the row list (:meth:`PatchTableModel.sort`),
filtering by :class:`PatchFilterProxyModel` on the same dicts; no widget is
created per cell.
"""

from __future__ import annotations

import datetime as dt

from qgis.core import QgsFeatureRequest, QgsVectorLayer
from qgis.PyQt.QtCore import QAbstractTableModel, QDate, QDateTime, QModelIndex, QSortFilterProxyModel, Qt, QVariant
from qgis.PyQt.QtGui import QBrush, QColor, QFont

from .. import palette
from ..domain.licence import split_list
from ..domain.vocab import display_label as label
from ..domain.workflow import STATES
from ..i18n import tr
from ..qgis_values import python_value
from ..store.notices import is_overdue

SQUARE_METRES_PER_MU = 2000.0 / 3.0

#: Role giving the raw value of a cell (codes, numbers): what sorting and filters use.
RAW_ROLE = Qt.UserRole
#: Role giving the feature id of a row's patch.
FID_ROLE = Qt.UserRole + 1
#: Role giving the patch number of a row.
PATCH_NO_ROLE = Qt.UserRole + 2

#: Attributes read from the patches layer.
LOADED_FIELDS = (
    "patch_no",
    "state",
    "prejudgment",
    "area_m2",
    "license_no",
    "zone_name",
    "zone_level",
    "source",
    "year",
    "date_before",
    "date_after",
    "determination",
    "expired_area_m2",
    "prejudge_note",
    "remarks",
    "notice_no",
)

#: Value standing for "empty" in a filter (patches without a zone, licence…).
EMPTY_FILTER = "\x00empty"

#: Background colours of the pre-judgment column, per code.
PREJUDGMENT_COLOURS = {code: QColor(colour) for code, colour in palette.PREJUDGMENT_TINTS.items()}


def _column_headers() -> dict[str, str]:
    return {
        "patch_no": tr("Patch no."),
        "state": tr("State"),
        "prejudgment": tr("Pre-judgment"),
        "area_m2": tr("Area (m²)"),
        "area_mu": tr("Area (mu)"),
        "license_no": tr("Licence"),
        "zone": tr("Monitoring zone"),
        "source": tr("Source"),
        "year": tr("Year"),
        "date_before": tr("Before imagery"),
        "date_after": tr("After imagery"),
        "determination": tr("Determination"),
        "notice": tr("Notice"),
    }


COLUMNS: tuple[str, ...] = (
    "patch_no",
    "state",
    "prejudgment",
    "area_m2",
    "area_mu",
    "license_no",
    "zone",
    "source",
    "year",
    "date_before",
    "date_after",
    "determination",
    "notice",
)

_VOCABULARY_OF_COLUMN = {
    "state": "patch_state",
    "prejudgment": "prejudgment",
    "source": "patch_source",
    "determination": "determination",
}


def column_of(key: str) -> int:
    """Index of the column ``key`` (see :data:`COLUMNS`)."""
    return COLUMNS.index(key)


def _plain(value):
    """A Python value from a QGIS attribute: None for NULL, dates as ``datetime.date``, blank text None."""
    return python_value(value, strip=True, blank_as_none=True)


def _text(value):
    return value if value.__class__ is str and value else None


def _number(value):
    return value if value.__class__ in (int, float) else None


def _date(value):
    if value.__class__ is QDate:
        return value.toPyDate() if value.isValid() else None
    if value.__class__ is QDateTime:
        return value.date().toPyDate() if value.isValid() else None
    return None


def _converter(field):
    """A fast converter of one field's attribute values (NULL, a QVariant, becomes None)."""
    if field.type() in (QVariant.Date, QVariant.DateTime):
        return _date
    if field.isNumeric():
        return _number
    if field.type() == QVariant.String:
        return _text
    return _plain


def read_patch_rows(layer: QgsVectorLayer) -> list[dict]:
    """Every patch of ``layer`` as a dict of :data:`LOADED_FIELDS` plus ``fid``; one request, no geometry."""
    fields = layer.fields()
    present = [name for name in LOADED_FIELDS if fields.indexFromName(name) >= 0]
    indexes = [fields.indexFromName(name) for name in present]
    columns = [(name, index, _converter(fields.at(index))) for name, index in zip(present, indexes)]
    missing = {name: None for name in LOADED_FIELDS if name not in present}
    request = QgsFeatureRequest()
    request.setFlags(QgsFeatureRequest.NoGeometry)
    request.setSubsetOfAttributes(indexes)
    rows = []
    append = rows.append
    for feature in layer.getFeatures(request):
        attributes = feature.attributes()
        row = {name: convert(attributes[index]) for name, index, convert in columns}
        if missing:
            row.update(missing)
        row["fid"] = feature.id()
        append(row)
    return rows


def zone_text(row: dict) -> str:
    """Zone name with its level label, e.g. ``某某矿区（省）``."""
    name = row.get("zone_name")
    if not name:
        return ""
    level = row.get("zone_level")
    return f"{name}（{label('zone_level', level)}）" if level else name


def _format_number(value, decimals: int) -> str:
    if value is None:
        return ""
    return f"{value:,.{decimals}f}"


def raw_value(row: dict, key: str):
    """The value of column ``key`` of ``row`` used for sorting."""
    if key == "area_mu":
        area = row.get("area_m2")
        return None if area is None else area / SQUARE_METRES_PER_MU
    if key == "zone":
        return row.get("zone_name")
    if key == "notice":
        return row.get("notice_no")
    return row.get(key)


def display_value(row: dict, key: str) -> str:
    """The text shown for column ``key`` of ``row``."""
    if key in _VOCABULARY_OF_COLUMN:
        code = row.get(key)
        if key == "state" and code is None:
            code = "issued"  # a patch without a state counts as issued
        return label(_VOCABULARY_OF_COLUMN[key], code)
    if key == "area_m2":
        return _format_number(row.get("area_m2"), 1)
    if key == "area_mu":
        return _format_number(raw_value(row, "area_mu"), 2)
    if key == "zone":
        return zone_text(row)
    value = row.get(key)
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def tool_tip(row: dict, key: str) -> str | None:
    """The tooltip of a cell: what the column cannot show (the batch's remarks, the pre-judgment's detail)."""
    if key in ("license_no", "zone"):
        return display_value(row, key) or None
    if key == "patch_no" and row.get("remarks"):
        return tr("Remarks: {remarks}").format(remarks=row["remarks"])
    if key == "prejudgment":
        lines = []
        expired = row.get("expired_area_m2")
        if expired:
            lines.append(tr("Inside licences not valid on the imagery date: {area} m²").format(area=_format_number(expired, 1)))
        if row.get("prejudge_note"):
            lines.append(str(row["prejudge_note"]))
        return "\n".join(lines) or None
    return None


def _sort_key(key: str):
    def sort_key(row: dict):
        value = raw_value(row, key)
        if key == "state" and value is None:
            value = "issued"
        if key == "state":
            value = STATES.index(value) if value in STATES else len(STATES)
        if value is None:
            return (1, 0, "")
        if isinstance(value, (int, float)):
            return (0, value, "")
        if isinstance(value, dt.date):
            return (0, value.toordinal(), "")
        return (0, 0, str(value))

    return sort_key


class PatchTableModel(QAbstractTableModel):
    """Patches as rows, :data:`COLUMNS` as columns; read-only."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[dict] = []
        self._row_of_fid: dict[int, int] = {}
        self._row_of_patch: dict[str, int] = {}
        self._headers = _column_headers()
        self._sort: tuple[int, int] | None = None
        #: Each notice's (deadline, state) by number: an issued notice past its deadline stands out.
        self._notices: dict = {}
        self._today = dt.date.today()
        #: Bumped whenever the rows or their order change (the proxy's cache key).
        self.generation = 0

    # -- content ---------------------------------------------------------------
    def set_rows(self, rows: list[dict]) -> None:
        """Replace every row (keeps the current sort order)."""
        self.beginResetModel()
        self._rows = list(rows)
        if self._sort is not None:
            column, order = self._sort
            self._rows.sort(key=_sort_key(COLUMNS[column]), reverse=order == Qt.DescendingOrder)
        self._reindex()
        self.generation += 1
        self.endResetModel()

    def set_notices(self, deadlines: dict, today: dt.date | None = None) -> None:
        """The notices' deadlines and states (:func:`..store.notices.notice_deadlines`); shown from the next reset."""
        self._notices = dict(deadlines)
        self._today = today or dt.date.today()

    def overdue(self, row: dict) -> dt.date | None:
        """The deadline of the patch's notice when it has passed (issued, patch not closed); else None."""
        number = row.get("notice_no")
        if not number or number not in self._notices:
            return None
        deadline, state = self._notices[number]
        return deadline if is_overdue(deadline, state, row.get("state"), self._today) else None

    def load_layer(self, layer: QgsVectorLayer | None) -> None:
        self.set_rows(read_patch_rows(layer) if layer is not None and layer.isValid() else [])

    def _reindex(self) -> None:
        self._row_of_fid = {row["fid"]: i for i, row in enumerate(self._rows)}
        self._row_of_patch = {row["patch_no"]: i for i, row in enumerate(self._rows) if row.get("patch_no")}

    @property
    def rows(self) -> list[dict]:
        return self._rows

    def record(self, row: int) -> dict:
        return self._rows[row]

    def row_of_fid(self, fid: int) -> int:
        return self._row_of_fid.get(fid, -1)

    def row_of_patch(self, patch_no: str) -> int:
        return self._row_of_patch.get(patch_no, -1)

    def distinct(self, key: str) -> list:
        """Sorted distinct non-empty values of field ``key`` over all rows."""
        values = {row.get(key) for row in self._rows}
        values.discard(None)
        return sorted(values, key=lambda v: (str(type(v)), v))

    def has_empty(self, key: str) -> bool:
        return any(row.get(key) is None for row in self._rows)

    # -- Qt model interface ------------------------------------------------------
    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: QModelIndex, role: int = Qt.DisplayRole):
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        key = COLUMNS[index.column()]
        if key in ("notice", "patch_no") and role in (Qt.BackgroundRole, Qt.ForegroundRole, Qt.FontRole,
                                                    Qt.ToolTipRole, Qt.DisplayRole):
            late = self.overdue(row) if row.get("notice_no") else None
            if late is not None:
                if role == Qt.BackgroundRole:
                    return QBrush(QColor(palette.OVERDUE_TINT))
                if role == Qt.ForegroundRole:
                    return QBrush(QColor(palette.LABEL_TEXT))
                if role == Qt.FontRole:
                    font = QFont()
                    font.setBold(True)
                    return font
                if role == Qt.ToolTipRole:
                    return tr("Notice {number} is overdue: its deadline {deadline} has passed.").format(
                        number=row["notice_no"], deadline=late.isoformat())
                if role == Qt.DisplayRole and key == "notice":
                    return tr("{number} (overdue)").format(number=row["notice_no"])
        if role == Qt.DisplayRole:
            return display_value(row, key)
        if role == RAW_ROLE:
            value = raw_value(row, key)
            return value.isoformat() if isinstance(value, dt.date) else value
        if role == FID_ROLE:
            return row["fid"]
        if role == PATCH_NO_ROLE:
            return row.get("patch_no")
        if role == Qt.BackgroundRole and key == "prejudgment":
            colour = PREJUDGMENT_COLOURS.get(row.get("prejudgment"))
            return QBrush(colour) if colour is not None else None
        if role == Qt.ForegroundRole and key == "prejudgment" and row.get("prejudgment") in PREJUDGMENT_COLOURS:
            return QBrush(QColor(palette.LABEL_TEXT))
        if role == Qt.TextAlignmentRole and key in ("area_m2", "area_mu", "year"):
            return int(Qt.AlignRight | Qt.AlignVCenter)
        if role == Qt.ToolTipRole:
            return tool_tip(row, key)
        return None

    def headerData(self, section: int, orientation, role: int = Qt.DisplayRole):  # noqa: N802
        if orientation == Qt.Horizontal and role == Qt.DisplayRole and 0 <= section < len(COLUMNS):
            return self._headers[COLUMNS[section]]
        return None

    def flags(self, index: QModelIndex):
        if not index.isValid():
            return Qt.NoItemFlags
        return Qt.ItemIsEnabled | Qt.ItemIsSelectable

    def sort(self, column: int, order=Qt.AscendingOrder) -> None:
        """Sort the rows in Python (one key per row), keeping persistent indexes (the selection)."""
        if not 0 <= column < len(COLUMNS):
            self._sort = None
            return
        self._sort = (column, order)
        self.layoutAboutToBeChanged.emit([], QAbstractTableModel.VerticalSortHint)
        persistent = self.persistentIndexList()
        fids = [self._rows[index.row()]["fid"] if index.isValid() else None for index in persistent]
        self._rows.sort(key=_sort_key(COLUMNS[column]), reverse=order == Qt.DescendingOrder)
        self._reindex()
        self.generation += 1
        moved = [
            self.index(self._row_of_fid[fid], index.column()) if fid is not None else QModelIndex()
            for fid, index in zip(fids, persistent)
        ]
        self.changePersistentIndexList(persistent, moved)
        self.layoutChanged.emit([], QAbstractTableModel.VerticalSortHint)


class PatchFilterProxyModel(QSortFilterProxyModel):
    """Filters on state, pre-judgment, source, year, zone and a licence / patch-number text.

    Each filter is a code (or :data:`EMPTY_FILTER` for "no value"), ``None``
    meaning any. Sorting is forwarded to the source model, which sorts its
    row list in Python: fast at 10,000 rows.
    """

    # license_no: the patches of one licence, also those listed under several ("C1,C2")
    FILTER_KEYS = ("state", "prejudgment", "source", "year", "zone_name", "license_no")

    def __init__(self, parent=None):
        super().__init__(parent)
        self._filters: dict[str, object] = {}
        self._text = ""
        self._version = 0
        self._accepted: tuple[tuple[int, int], list[bool]] | None = None
        self.setDynamicSortFilter(False)

    def set_filter(self, key: str, value) -> None:
        """Set one filter (``None`` clears it) and re-filter."""
        if key not in self.FILTER_KEYS:
            raise KeyError(key)
        if value is None or value == "":
            self._filters.pop(key, None)
        else:
            self._filters[key] = value
        self._version += 1
        self.invalidateFilter()

    def set_text(self, text: str) -> None:
        """Case-insensitive part of a licence number or patch number."""
        self._text = (text or "").strip().lower()
        self._version += 1
        self.invalidateFilter()

    def set_filters(self, filters: dict, text: str = "") -> None:
        """Set every filter at once (one re-filtering pass); keys absent or None are cleared."""
        unknown = set(filters) - set(self.FILTER_KEYS)
        if unknown:
            raise KeyError(", ".join(sorted(unknown)))
        self._filters = {key: value for key, value in filters.items() if value is not None and value != ""}
        self._text = (text or "").strip().lower()
        self._version += 1
        self.invalidateFilter()

    def clear_filters(self) -> None:
        self._filters.clear()
        self._text = ""
        self._version += 1
        self.invalidateFilter()

    def filters(self) -> dict:
        result = dict(self._filters)
        if self._text:
            result["text"] = self._text
        return result

    def accepts(self, row: dict) -> bool:
        """Whether ``row`` passes every filter (also usable without Qt)."""
        for key, wanted in self._filters.items():
            value = row.get(key)
            if key == "state" and value is None:
                value = "issued"
            if key == "license_no":
                if wanted not in split_list(value):
                    return False
            elif wanted == EMPTY_FILTER:
                if value is not None:
                    return False
            elif value != wanted:
                return False
        if self._text:
            licence = (row.get("license_no") or "").lower()
            number = (row.get("patch_no") or "").lower()
            if self._text not in licence and self._text not in number:
                return False
        return True

    def _accepted_rows(self) -> list[bool]:
        """Whether each source row passes, computed once per filter and row set (pure Python)."""
        model = self.sourceModel()
        key = (model.generation, self._version)
        if self._accepted is None or self._accepted[0] != key:
            self._accepted = (key, [self.accepts(row) for row in model.rows])
        return self._accepted[1]

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex) -> bool:  # noqa: N802
        if not self._filters and not self._text:
            return True
        accepted = self._accepted_rows()
        return accepted[source_row] if source_row < len(accepted) else True

    def sort(self, column: int, order=Qt.AscendingOrder) -> None:
        model = self.sourceModel()
        if model is not None:
            model.sort(column, order)

    # -- conveniences ------------------------------------------------------------
    def visible_source_rows(self) -> list[int]:
        """Source rows shown, in proxy order, computed in Python without asking Qt row by row.

        The proxy never sorts by itself (sorting is forwarded to the source
        model), so the rows it shows are the accepted source rows in source order.
        """
        rows = self.sourceModel().rows
        if not self._filters and not self._text:
            return list(range(len(rows)))
        return [i for i, accepted in enumerate(self._accepted_rows()) if accepted]

    def proxy_rows_of_fids(self, fids) -> list[int]:
        """Sorted proxy rows of the given feature ids (those filtered out are left out)."""
        wanted = set(fids)
        if not wanted:
            return []
        rows = self.sourceModel().rows
        return [
            proxy_row
            for proxy_row, source_row in enumerate(self.visible_source_rows())
            if rows[source_row]["fid"] in wanted
        ]

    def fids_of_proxy_rows(self, proxy_rows) -> list[int]:
        """Feature ids of proxy rows, in the order given."""
        visible = self.visible_source_rows()
        rows = self.sourceModel().rows
        return [rows[visible[r]]["fid"] for r in proxy_rows if 0 <= r < len(visible)]

    def record(self, proxy_row: int) -> dict:
        return self.sourceModel().record(self.mapToSource(self.index(proxy_row, 0)).row())

    def proxy_row_of_fid(self, fid: int) -> int:
        source_row = self.sourceModel().row_of_fid(fid)
        if source_row < 0:
            return -1
        return self.mapFromSource(self.sourceModel().index(source_row, 0)).row()

    def proxy_row_of_patch(self, patch_no: str) -> int:
        source_row = self.sourceModel().row_of_patch(patch_no)
        if source_row < 0:
            return -1
        return self.mapFromSource(self.sourceModel().index(source_row, 0)).row()
