"""Load a supervision database into a QGIS project: layers, styles, forms, relations.

Aliases, value maps, constraints and relations come from the one schema
definition; symbology and labels come from the .qml styles in resources/.
"""

from __future__ import annotations

from pathlib import Path

from qgis.core import (
    QgsAttributeEditorContainer,
    QgsAttributeEditorField,
    QgsAttributeEditorRelation,
    QgsCoordinateReferenceSystem,
    QgsDataSourceUri,
    QgsDefaultValue,
    QgsEditFormConfig,
    QgsEditorWidgetSetup,
    QgsFieldConstraints,
    QgsMapLayer,
    QgsProject,
    QgsRelation,
    QgsVectorLayer,
    QgsWkbTypes,
)

from ..domain.vocab import VOCABULARIES
from ..i18n import tr
from .database import FID_COLUMN, GEOMETRY_COLUMN, SupervisionStore, without_password
from .schema import BOOLEAN, DATE, DATETIME, RELATIONS, TABLES, Table

PROJECT_KEY = "mine_supervision"
GROUP_NAME = "矿产监管"
# Drawing order, top first: points over lines over polygons.
LAYER_ORDER = (
    "mining_right_corners",
    "corner_checks",
    "inspection_photos",
    "inspections",
    "patches",
    "survey_extents",
    "mining_right_parcels",
    "mining_rights",
    "mining_right_history",
    "monitoring_zones",
    "patch_events",
    "notices",
    "ledger_items",
    "penalty_cases",
    "reviews",
    "audit_log",
)
HIDDEN_BY_DEFAULT = {"mining_right_history", "mining_right_parcels", "inspections"}
# Point layers dense enough to hide everything else at county scale: shown from 1:50,000 in.
LARGE_SCALE_ONLY = {"mining_right_corners": 50_000, "inspection_photos": 50_000, "corner_checks": 50_000}


def styles_dir() -> Path:
    """resources/styles inside the installed plugin, or at the top of the source tree."""
    package = Path(__file__).resolve().parent.parent
    for candidate in (package / "resources" / "styles", package.parent / "resources" / "styles"):
        if candidate.is_dir():
            return candidate
    return package / "resources" / "styles"


def apply_schema(layer: QgsVectorLayer, spec: Table) -> None:
    """Aliases, value maps, date widgets, constraints and display expression from the schema."""
    fields = layer.fields()
    for field_spec in spec.fields:
        index = fields.indexFromName(field_spec.name)
        if index < 0:
            continue
        layer.setFieldAlias(index, field_spec.alias)
        if field_spec.vocabulary:
            value_map = [{label: code} for code, label in VOCABULARIES[field_spec.vocabulary].items()]
            layer.setEditorWidgetSetup(index, QgsEditorWidgetSetup("ValueMap", {"map": value_map}))
        elif field_spec.kind in (DATE, DATETIME):
            display = "yyyy-MM-dd" if field_spec.kind == DATE else "yyyy-MM-dd HH:mm:ss"
            layer.setEditorWidgetSetup(
                index,
                QgsEditorWidgetSetup(
                    "DateTime",
                    {"display_format": display, "field_format": display, "calendar_popup": True, "allow_null": True},
                ),
            )
        elif field_spec.kind == BOOLEAN:
            layer.setEditorWidgetSetup(index, QgsEditorWidgetSetup("CheckBox", {}))
        if field_spec.required:
            layer.setFieldConstraint(index, QgsFieldConstraints.ConstraintNotNull, QgsFieldConstraints.ConstraintStrengthHard)
        if field_spec.unique:
            layer.setFieldConstraint(index, QgsFieldConstraints.ConstraintUnique, QgsFieldConstraints.ConstraintStrengthHard)
    if spec.display_expression:
        layer.setDisplayExpression(spec.display_expression)
    audit_fields = ("updated_at",)
    for name in audit_fields:
        index = fields.indexFromName(name)
        if index >= 0:
            layer.setDefaultValueDefinition(index, QgsDefaultValue("now()", True))


def _drag_and_drop_form(layer: QgsVectorLayer, spec: Table, relations: list[QgsRelation]) -> None:
    """A form with the attributes in one tab and each child relation in its own tab."""
    config = layer.editFormConfig()
    config.clearTabs()
    config.setLayout(QgsEditFormConfig.TabLayout)
    root = config.invisibleRootContainer()
    attributes = QgsAttributeEditorContainer(tr("Attributes"), root)
    attributes.setIsGroupBox(False)
    for field_spec in spec.fields:
        index = layer.fields().indexFromName(field_spec.name)
        if index >= 0:
            attributes.addChildElement(QgsAttributeEditorField(field_spec.name, index, attributes))
    config.addTab(attributes)
    for relation in relations:
        tab = QgsAttributeEditorContainer(relation.name(), root)
        tab.setIsGroupBox(False)
        tab.addChildElement(QgsAttributeEditorRelation(relation, tab))
        config.addTab(tab)
    layer.setEditFormConfig(config)


def remove_supervision_layers(project: QgsProject | None = None) -> int:
    """Take a supervision database's layers, relations and group out of ``project``; the user's layers stay.

    Returns how many layers were removed.
    """
    project = project or QgsProject.instance()
    ours = [layer.id() for layer in project.mapLayers().values() if layer.customProperty(f"{PROJECT_KEY}/table")]
    manager = project.relationManager()
    for relation_id in [rid for rid in manager.relations() if rid.startswith("ms_")]:
        manager.removeRelation(relation_id)
    if ours:
        project.removeMapLayers(ours)
    root = project.layerTreeRoot()
    group = root.findGroup(GROUP_NAME)
    if group is not None and not group.findLayers():
        root.removeChildNode(group)
    return len(ours)


def postgres_layer_uri(store: SupervisionStore, spec: Table) -> QgsDataSourceUri:
    """The QGIS ``postgres`` data source of a table of a PostGIS store: its service or authcfg, never a password."""
    uri = QgsDataSourceUri(store.qgis_connection or without_password(store.location)[len("PG:"):])
    uri.setPassword("")
    uri.setDataSource("public", spec.name, GEOMETRY_COLUMN if spec.geometry else None, "", FID_COLUMN)
    uri.setKeyColumn(FID_COLUMN)
    if spec.geometry:
        uri.setSrid(str(store.crs_epsg))
        uri.setWkbType(QgsWkbTypes.parseType(spec.geometry))
    return uri


def _table_layer(store: SupervisionStore, spec: Table) -> QgsVectorLayer:
    if store.is_postgres:
        return QgsVectorLayer(postgres_layer_uri(store, spec).uri(False), spec.alias, "postgres")
    return QgsVectorLayer(store.layer_uri(spec.name), spec.alias, "ogr")


def load_into_project(store: SupervisionStore, project: QgsProject | None = None, *, clear: bool = True) -> dict[str, QgsVectorLayer]:
    """Add every table of ``store`` to ``project`` with styles, forms and relations.

    ``clear``: start from an empty project; else the user's layers (imagery …) stay and only a
    previous supervision database's layers and group are replaced; the group goes on top.
    """
    project = project or QgsProject.instance()
    if clear:
        project.clear()
    else:
        remove_supervision_layers(project)
    project.setCrs(QgsCoordinateReferenceSystem(f"EPSG:{store.crs_epsg}"))
    # never a password: a PostgreSQL database is kept as its connection's name or a string without one
    project.writeEntry(PROJECT_KEY, "database", store.kept_reference)
    specs = {spec.name: spec for spec in TABLES}
    layers: dict[str, QgsVectorLayer] = {}
    for table_name in LAYER_ORDER:
        spec = specs[table_name]
        layer = _table_layer(store, spec)
        if not layer.isValid():
            raise RuntimeError(tr("Layer {table} of {path} could not be loaded.").format(table=table_name, path=store.shown))
        style = styles_dir() / f"{table_name}.qml"
        if style.exists():
            layer.loadNamedStyle(str(style), categories=QgsMapLayer.Symbology | QgsMapLayer.Labeling)
        apply_schema(layer, spec)
        if table_name in LARGE_SCALE_ONLY:
            layer.setScaleBasedVisibility(True)
            layer.setMinimumScale(LARGE_SCALE_ONLY[table_name])
            layer.setMaximumScale(0)
        layer.setCustomProperty(f"{PROJECT_KEY}/table", table_name)
        layer.setCustomProperty(f"{PROJECT_KEY}/database", store.kept_reference)
        layers[table_name] = layer
    root = project.layerTreeRoot()
    group = root.findGroup(GROUP_NAME) or root.insertGroup(0, GROUP_NAME)
    for table_name in LAYER_ORDER:
        project.addMapLayer(layers[table_name], False)
        node = group.addLayer(layers[table_name])
        if table_name in HIDDEN_BY_DEFAULT:
            node.setItemVisibilityChecked(False)
    relation_manager = project.relationManager()
    children_of: dict[str, list[QgsRelation]] = {}
    for definition in RELATIONS:
        relation = QgsRelation()
        relation.setId(f"ms_{definition.id}")
        relation.setName(definition.name)
        relation.setReferencedLayer(layers[definition.parent].id())
        relation.setReferencingLayer(layers[definition.child].id())
        relation.addFieldPair(definition.child_field, definition.parent_field)
        relation.setStrength(QgsRelation.Association)
        if relation.isValid():
            relation_manager.addRelation(relation)
            children_of.setdefault(definition.parent, []).append(relation)
    for table_name, layer in layers.items():
        _drag_and_drop_form(layer, specs[table_name], children_of.get(table_name, []))
    return layers


def find_layer(table_name: str, project: QgsProject | None = None) -> QgsVectorLayer | None:
    """The project's layer for a supervision table, if loaded."""
    project = project or QgsProject.instance()
    for layer in project.mapLayers().values():
        if layer.customProperty(f"{PROJECT_KEY}/table") == table_name:
            return layer
    return None


def database_of_project(project: QgsProject | None = None) -> str:
    """Location of the supervision database the project was built from ('' if none)."""
    project = project or QgsProject.instance()
    value, found = project.readEntry(PROJECT_KEY, "database", "")
    return value if found else ""
