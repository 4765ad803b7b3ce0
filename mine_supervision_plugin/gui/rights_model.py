"""The table behind the mining-rights dock: one row per licence, built in one pass.

:func:`load_rights` reads the attributes of every licence with one
:class:`QgsFeatureRequest` without geometry, then decides which licences
touch a key monitoring zone once per load: for each zone only the licences
in its bounding box are fetched (the GeoPackage's R-tree answers that) and
tested against the zone prepared once. The model keeps plain Python records
with their display texts ready, so painting a cell is a list lookup; the
proxy filters on those records without asking the model for data.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from qgis.core import (
    QgsCoordinateTransform,
    QgsFeatureRequest,
    QgsGeometry,
    QgsProject,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from qgis.PyQt.QtGui import QBrush, QColor

from .. import palette
from ..domain import vocab
from ..domain.dates import to_date
from ..domain.licence import (  # noqa: F401 (expiry_class: re-exported for the dock and tests)
    EXPIRED,
    EXPIRING,
    EXPIRING_SOON_DAYS,
    UNKNOWN_VALIDITY,
    VALID,
    days_left,
    expiry_class,
)
from ..domain.zones import zones_in_force_mask
from ..i18n import tr
from ..qgis_values import python_value

# Row colours (background, foreground): also used by the dock's legend line.
EXPIRED_COLOURS = palette.EXPIRED_ROW
EXPIRING_COLOURS = palette.EXPIRING_ROW
OVERDUE_COLOURS = palette.OVERDUE_ROW

ABNORMAL_CREDIT = frozenset({"abnormal_list", "serious_dishonesty"})

# Columns, in display order.
COLUMNS = (
    "license_no",
    "mine_name",
    "holder",
    "mineral",
    "mining_method",
    "status",
    "validity",
    "credit_status",
    "zone",
    "patrols",
)
COLUMN = {name: number for number, name in enumerate(COLUMNS)}
PATROLS_COLUMN = COLUMN["patrols"]

# Attributes read from mining_rights.
RIGHT_FIELDS = (
    "license_no",
    "mine_name",
    "holder",
    "mineral",
    "mining_method",
    "status",
    "valid_from",
    "valid_to",
    "credit_status",
    "depth_top_m",
    "depth_bottom_m",
)

FidRole = Qt.UserRole + 1
LicenseRole = Qt.UserRole + 2
ExpiryRole = Qt.UserRole + 3
SortRole = Qt.UserRole + 4


def column_titles() -> list[str]:
    """Header texts, translated when called (after the plugin installed its translator)."""
    return [
        tr("Licence no"),
        tr("Mine"),
        tr("Holder"),
        tr("Mineral"),
        tr("Method"),
        tr("Status"),
        tr("Validity"),
        tr("Credit status"),
        tr("Monitoring zone"),
        tr("Patrols"),
    ]


def plain(value):
    """A Python value from a QGIS attribute: None for NULL, dates as datetime.date, text stripped."""
    return python_value(value, strip=True)


def _date(value) -> dt.date | None:
    return to_date(plain(value))


def _real(value) -> float | None:
    value = plain(value)
    if value is None or value == "":
        return None
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def _text(value) -> str:
    value = plain(value)
    return "" if value is None else str(value)


@dataclass
class RightRecord:
    """One licence as the dock shows it."""

    fid: int
    license_no: str
    mine_name: str = ""
    holder: str = ""
    mineral: str = ""
    mining_method: str = ""
    status: str = ""
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None
    credit_status: str = ""
    depth_top_m: float | None = None
    depth_bottom_m: float | None = None
    zones: list[str] = field(default_factory=list)
    #: patrol periods missing this year so far (None: not computed); their labels
    missing_patrols: int | None = None
    missing_periods: str = ""
    days_left: int | None = None  # valid_to - today; negative when expired
    expiry: str = UNKNOWN_VALIDITY
    haystack: str = ""  # casefolded licence no / mine / holder, for the search box
    display: tuple[str, ...] = ()

    @property
    def abnormal(self) -> bool:
        return self.credit_status in ABNORMAL_CREDIT

    @property
    def in_zone(self) -> bool:
        return bool(self.zones)


def validity_text(valid_from: dt.date | None, valid_to: dt.date | None) -> str:
    start = valid_from.isoformat() if valid_from else "?"
    end = valid_to.isoformat() if valid_to else "?"
    if valid_from is None and valid_to is None:
        return ""
    return tr("{start} to {end}").format(start=start, end=end)


def finish_record(record: RightRecord, today: dt.date) -> RightRecord:
    """Fill the derived fields (expiry, search text, display texts) of a record."""
    record.days_left = days_left(record.valid_to, today)
    record.expiry = expiry_class(record.days_left)
    record.haystack = "\n".join((record.license_no, record.mine_name, record.holder)).casefold()
    record.display = (
        record.license_no,
        record.mine_name,
        record.holder,
        record.mineral,
        vocab.display_label("mining_method", record.mining_method or None),
        vocab.display_label("right_status", record.status or None),
        validity_text(record.valid_from, record.valid_to),
        vocab.display_label("credit_status", record.credit_status or None),
        "; ".join(record.zones),
        patrols_text(record.missing_patrols),
    )
    return record


def patrols_text(missing: int | None) -> str:
    """The patrols column: how many required months / quarters have no patrol ("" when none is missing)."""
    if not missing:
        return ""
    return tr("{count} period(s) overdue").format(count=missing)


def zone_label(name: str, level: str | None) -> str:
    if level:
        return "{name} ({level})".format(name=name, level=vocab.display_label("zone_level", level))
    return name


def zone_membership(rights: QgsVectorLayer, zones: QgsVectorLayer | None, year: int | None = None) -> dict[int, list[str]]:
    """Licence fid → labels of the monitoring zones its boundary intersects.

    With ``year``, only the zones of the list in force that year count (:mod:`..domain.zones`).

    One request per zone, limited to the zone's bounding box (answered by the
    provider's spatial index), each candidate tested against the zone's
    prepared geometry.
    """
    result: dict[int, list[str]] = {}
    if zones is None or not zones.isValid() or not rights.isValid():
        return result
    transform = None
    if zones.crs() != rights.crs():
        transform = QgsCoordinateTransform(zones.crs(), rights.crs(), QgsProject.instance())
    zone_fields = zones.fields()
    name_index = zone_fields.indexFromName("name")
    level_index = zone_fields.indexFromName("level")
    year_index = zone_fields.indexFromName("year")
    request = QgsFeatureRequest()
    wanted = [i for i in (name_index, level_index, year_index) if i >= 0]
    request.setSubsetOfAttributes(wanted)
    features = list(zones.getFeatures(request))
    if year is not None and year_index >= 0:
        in_force = zones_in_force_mask([plain(f.attribute(year_index)) for f in features], year)
        features = [f for f, keep in zip(features, in_force) if keep]
    for zone in features:
        geometry = QgsGeometry(zone.geometry())
        if geometry.isNull() or geometry.isEmpty():
            continue
        if transform is not None:
            geometry.transform(transform)
        name = _text(zone.attribute(name_index)) if name_index >= 0 else str(zone.id())
        level = _text(zone.attribute(level_index)) if level_index >= 0 else ""
        text = zone_label(name, level or None)
        engine = QgsGeometry.createGeometryEngine(geometry.constGet())
        engine.prepareGeometry()
        candidates = QgsFeatureRequest().setFilterRect(geometry.boundingBox()).setNoAttributes()
        for right in rights.getFeatures(candidates):
            boundary = right.geometry()
            if boundary.isNull() or boundary.isEmpty():
                continue
            if engine.intersects(boundary.constGet()) and not engine.touches(boundary.constGet()):
                result.setdefault(right.id(), []).append(text)
    return result


def load_rights(
    rights: QgsVectorLayer,
    zones: QgsVectorLayer | None = None,
    today: dt.date | None = None,
    overdue: dict | None = None,
) -> list[RightRecord]:
    """Every licence of the layer, attributes in one pass, zone membership computed once.

    ``overdue``: licence number → its patrol compliance (``missing``, ``missing_periods``), from
    :func:`..analysis.zones_report.overdue_mines`; None leaves the patrols column empty.
    """
    today = today or dt.date.today()
    fields = rights.fields()
    indexes = {name: fields.indexFromName(name) for name in RIGHT_FIELDS}
    request = QgsFeatureRequest()
    request.setFlags(QgsFeatureRequest.NoGeometry)
    request.setSubsetOfAttributes([i for i in indexes.values() if i >= 0])
    membership = zone_membership(rights, zones, today.year)  # the year's list in force
    records: list[RightRecord] = []

    def get(values, name):
        index = indexes[name]
        return values[index] if index >= 0 else None

    for feature in rights.getFeatures(request):
        values = feature.attributes()
        record = RightRecord(
            fid=feature.id(),
            license_no=_text(get(values, "license_no")),
            mine_name=_text(get(values, "mine_name")),
            holder=_text(get(values, "holder")),
            mineral=_text(get(values, "mineral")),
            mining_method=_text(get(values, "mining_method")),
            status=_text(get(values, "status")),
            valid_from=_date(get(values, "valid_from")),
            valid_to=_date(get(values, "valid_to")),
            credit_status=_text(get(values, "credit_status")),
            depth_top_m=_real(get(values, "depth_top_m")),
            depth_bottom_m=_real(get(values, "depth_bottom_m")),
            zones=membership.get(feature.id(), []),
        )
        compliance = overdue.get(record.license_no) if overdue else None
        if compliance is not None:
            record.missing_patrols = compliance.missing
            record.missing_periods = compliance.missing_periods
        records.append(finish_record(record, today))
    return records


def _sort_key(record: RightRecord, column: int):
    """A key that sorts empty values last in ascending order."""
    name = COLUMNS[column]
    if name == "validity":
        value = record.valid_to.toordinal() if record.valid_to else None
        return (value is None, value or 0, record.license_no)
    text = record.display[column] if record.display else ""
    return (text == "", text, record.license_no)


class RightsTableModel(QAbstractTableModel):
    """Licences as rows; texts, colours and sort keys precomputed at load."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._records: list[RightRecord] = []
        self._row_of_fid: dict[int, int] = {}
        self._titles = column_titles()
        self._sort = (-1, Qt.AscendingOrder)
        self._brushes = {
            EXPIRED: (QBrush(QColor(EXPIRED_COLOURS[0])), QBrush(QColor(EXPIRED_COLOURS[1]))),
            EXPIRING: (QBrush(QColor(EXPIRING_COLOURS[0])), QBrush(QColor(EXPIRING_COLOURS[1]))),
        }
        self._overdue = (QBrush(QColor(OVERDUE_COLOURS[0])), QBrush(QColor(OVERDUE_COLOURS[1])))

    # -- content -------------------------------------------------------------
    def set_records(self, records: list[RightRecord]) -> None:
        self.beginResetModel()
        self._records = list(records)
        column, order = self._sort
        if column >= 0:
            self._sort_records(column, order)
        self._index_rows()
        self.endResetModel()

    def set_overdue(self, overdue: dict | None, today: dt.date | None = None) -> None:
        """Every record's patrol compliance (licence number → ``missing``, ``missing_periods``); None: unknown."""
        for record in self._records:
            compliance = overdue.get(record.license_no) if overdue else None
            record.missing_patrols = compliance.missing if compliance is not None else None
            record.missing_periods = compliance.missing_periods if compliance is not None else ""
            finish_record(record, today or dt.date.today())
        if self._records:
            self.dataChanged.emit(self.index(0, PATROLS_COLUMN), self.index(len(self._records) - 1, PATROLS_COLUMN))

    def records(self) -> list[RightRecord]:
        return self._records

    def record(self, row: int) -> RightRecord:
        return self._records[row]

    def row_of_fid(self, fid: int) -> int:
        return self._row_of_fid.get(fid, -1)

    def minerals(self) -> list[str]:
        return sorted({record.mineral for record in self._records if record.mineral})

    def _index_rows(self) -> None:
        self._row_of_fid = {record.fid: row for row, record in enumerate(self._records)}

    # -- Qt model ------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()):  # noqa: N802,B008
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent=QModelIndex()):  # noqa: N802,B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.DisplayRole):  # noqa: N802
        if orientation == Qt.Horizontal and role in (Qt.DisplayRole, Qt.ToolTipRole) and 0 <= section < len(COLUMNS):
            return self._titles[section]
        return None

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        record = self._records[index.row()]
        column = index.column()
        if role == Qt.DisplayRole:
            return record.display[column]
        if role in (Qt.BackgroundRole, Qt.ForegroundRole) and column == PATROLS_COLUMN and record.missing_patrols:
            return self._overdue[0 if role == Qt.BackgroundRole else 1]
        if role == Qt.BackgroundRole:
            brushes = self._brushes.get(record.expiry)
            return brushes[0] if brushes else None
        if role == Qt.ForegroundRole:
            brushes = self._brushes.get(record.expiry)
            return brushes[1] if brushes else None
        if role == Qt.ToolTipRole:
            return self._tooltip(record, column)
        if role == FidRole:
            return record.fid
        if role == LicenseRole:
            return record.license_no
        if role == ExpiryRole:
            return record.expiry
        if role == SortRole:
            return _sort_key(record, column)
        return None

    def _tooltip(self, record: RightRecord, column: int) -> str | None:
        if column == PATROLS_COLUMN and record.missing_patrols:
            return tr("No patrol in: {periods}").format(periods=record.missing_periods)
        if COLUMNS[column] == "validity" or column == 0:
            if record.expiry == EXPIRED:
                return tr("Expired {days} days ago").format(days=-record.days_left)
            if record.expiry in (EXPIRING, VALID):
                return tr("Expires in {days} days").format(days=record.days_left)
            return None
        text = record.display[column]
        return text or None

    def sort(self, column, order=Qt.AscendingOrder):
        """Sort in Python with one key per record (fast at 10,000 rows); keeps persistent indexes."""
        self._sort = (column, order)
        if column < 0 or column >= len(COLUMNS) or not self._records:
            return
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        old_fids = [(index, self._records[index.row()].fid) for index in persistent if index.isValid()]
        self._sort_records(column, order)
        self._index_rows()
        self.changePersistentIndexList(
            [index for index, _fid in old_fids],
            [self.index(self._row_of_fid[fid], index.column()) for index, fid in old_fids],
        )
        self.layoutChanged.emit()

    def _sort_records(self, column: int, order) -> None:
        self._records.sort(key=lambda record: _sort_key(record, column), reverse=order == Qt.DescendingOrder)


# Expiry filter modes.
EXPIRY_ANY, EXPIRY_EXPIRED, EXPIRY_WITHIN, EXPIRY_EXPIRED_OR_WITHIN = "any", "expired", "within", "expired_or_within"


class RightsFilterProxyModel(QSortFilterProxyModel):
    """Search text and filters over :class:`RightsTableModel` records.

    Filters are set together with :meth:`set_filters` (one re-filter);
    sorting is delegated to the source model, which sorts in Python once
    instead of comparing cells through Qt.
    """

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setDynamicSortFilter(False)
        self.search_terms: list[str] = []
        self.status: str | None = None
        self.method: str | None = None
        self.mineral: str | None = None
        self.expiry_mode: str = EXPIRY_ANY
        self.expiry_days: int = EXPIRING_SOON_DAYS
        self.in_zone_only = False
        self.abnormal_only = False
        self.overdue_only = False

    def set_search(self, text: str) -> None:
        terms = text.casefold().split()
        if terms != self.search_terms:
            self.search_terms = terms
            self.invalidateFilter()

    def set_filters(self, **filters) -> None:
        """Set any of status, method, mineral, expiry_mode, expiry_days, in_zone_only, abnormal_only, search."""
        changed = False
        search = filters.pop("search", None)
        if search is not None:
            terms = search.casefold().split()
            if terms != self.search_terms:
                self.search_terms = terms
                changed = True
        for name, value in filters.items():
            if not hasattr(self, name):
                raise AttributeError(name)
            if getattr(self, name) != value:
                setattr(self, name, value)
                changed = True
        if changed:
            self.invalidateFilter()

    def accepts(self, record: RightRecord) -> bool:
        for term in self.search_terms:
            if term not in record.haystack:
                return False
        if self.status and record.status != self.status:
            return False
        if self.method and record.mining_method != self.method:
            return False
        if self.mineral and record.mineral != self.mineral:
            return False
        if self.expiry_mode != EXPIRY_ANY:
            days = record.days_left
            if days is None:
                return False
            expired = days < 0
            within = 0 <= days <= self.expiry_days
            if self.expiry_mode == EXPIRY_EXPIRED and not expired:
                return False
            if self.expiry_mode == EXPIRY_WITHIN and not within:
                return False
            if self.expiry_mode == EXPIRY_EXPIRED_OR_WITHIN and not (expired or within):
                return False
        if self.in_zone_only and not record.zones:
            return False
        if self.abnormal_only and record.credit_status not in ABNORMAL_CREDIT:
            return False
        if self.overdue_only and not record.missing_patrols:
            return False
        return True

    def filterAcceptsRow(self, source_row, source_parent):  # noqa: N802
        model = self.sourceModel()
        if model is None:
            return True
        return self.accepts(model.record(source_row))

    def sort(self, column, order=Qt.AscendingOrder):
        model = self.sourceModel()
        if model is not None:
            model.sort(column, order)

    def record(self, proxy_row: int) -> RightRecord:
        return self.sourceModel().record(self.mapToSource(self.index(proxy_row, 0)).row())
