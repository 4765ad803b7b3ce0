"""Opening a supervision database as a QGIS project: layers, styles, forms, relations, messages."""

from __future__ import annotations

import hashlib

import pytest
from qgis.core import Qgis, QgsProject

from mine_supervision_plugin.deps import check_dependencies
from mine_supervision_plugin.gui.context import PluginContext
from mine_supervision_plugin.gui.database_dialogs import create_and_load, open_and_load
from mine_supervision_plugin.store.database import create_database
from mine_supervision_plugin.store.project import database_of_project, find_layer, styles_dir
from mine_supervision_plugin.store.schema import RELATIONS, TABLES


@pytest.fixture
def context(qgis_iface):
    return PluginContext(qgis_iface, check_dependencies())


def test_new_database_opens_as_a_project(tmp_path, context, qgis_iface):
    store = create_and_load(context, str(tmp_path / "county.gpkg"), 4526)
    assert store is not None and context.store is store
    project = QgsProject.instance()
    assert project.crs().authid() == "EPSG:4526"
    assert database_of_project(project) == store.location
    for spec in TABLES:
        layer = find_layer(spec.name)
        assert layer is not None and layer.isValid(), spec.name
        assert layer.name() == spec.alias
        for field_spec in spec.fields:
            index = layer.fields().indexFromName(field_spec.name)
            assert layer.attributeAlias(index) == field_spec.alias
            if field_spec.vocabulary:
                setup = layer.editorWidgetSetup(index)
                assert setup.type() == "ValueMap"
                labels = {list(entry.keys())[0] for entry in setup.config()["map"]}
                assert labels  # Chinese labels shown ...
                codes = {list(entry.values())[0] for entry in setup.config()["map"]}
                assert all(code.isascii() for code in codes)  # ... English codes stored
    relations = project.relationManager().relations()
    assert len(relations) == len(RELATIONS)
    assert all(relation.isValid() for relation in relations.values())
    rights = find_layer("mining_rights")
    form_tabs = [tab.name() for tab in rights.editFormConfig().tabs()]
    assert form_tabs[0] == "Attributes" or form_tabs[0] == "属性"
    assert "拐点" in form_tabs and "图斑" in form_tabs
    assert any("Opened" in m or "已打开" in m for m in qgis_iface.messageBar().get_messages(Qgis.Success))


def test_every_spatial_table_has_a_style(tmp_path, context):
    create_and_load(context, str(tmp_path / "county.gpkg"), 4526)
    for spec in TABLES:
        if spec.geometry:
            assert (styles_dir() / f"{spec.name}.qml").exists(), spec.name
    corners = find_layer("mining_right_corners")
    assert corners.labelsEnabled()
    assert "corner_no" in corners.labeling().settings().fieldName


def test_bad_file_gives_a_message_and_keeps_the_project(tmp_path, context, qgis_iface):
    good = create_and_load(context, str(tmp_path / "good.gpkg"), 4526)
    bad = tmp_path / "bad.gpkg"
    bad.write_bytes(b"PK\x03\x04 this is a zip, not a GeoPackage")
    before = hashlib.sha256(bad.read_bytes()).hexdigest()
    assert open_and_load(context, str(bad)) is None
    assert hashlib.sha256(bad.read_bytes()).hexdigest() == before
    messages = qgis_iface.messageBar().get_messages(Qgis.Critical)
    assert any("bad.gpkg" in m for m in messages)
    assert context.store is good
    assert database_of_project() == good.location


def test_older_database_is_migrated_on_open_with_a_message(tmp_path, context, qgis_iface):
    path = create_database(tmp_path / "old.gpkg", schema_version=1)
    store = open_and_load(context, path)
    assert store.migrated_from == 1
    assert find_layer("mining_right_history") is not None
    assert any("old.gpkg" in m for m in qgis_iface.messageBar().get_messages(Qgis.Info))


def test_a_postgis_database_typed_with_its_password_opens_as_a_project_that_keeps_no_password(
        tmp_path, context, qgis_iface, pg_database):
    """``dbname=… host=… user=… password=…`` typed: the layers are QGIS postgres layers without the password
    (QGIS's credentials cache answers them this session); the project keeps the string without it."""
    typed = pg_database[len("PG:"):]
    password = typed.split("password=")[1].split()[0]
    store = create_and_load(context, typed, 4526)
    assert store is not None and store.is_postgres
    layers = {spec.name: find_layer(spec.name) for spec in TABLES}
    assert all(layer is not None and layer.isValid() and layer.providerType() == "postgres"
               for layer in layers.values())
    assert len(QgsProject.instance().relationManager().relations()) == len(RELATIONS)
    assert layers["patches"].featureCount() == 0 and layers["patches"].crs().authid() == "EPSG:4526"
    assert all(password not in layer.source() for layer in layers.values())
    assert password not in database_of_project() and "dbname=" in database_of_project()
    assert not any(password in m for level in (Qgis.Success, Qgis.Info, Qgis.Critical)
                   for m in qgis_iface.messageBar().get_messages(level))
    path = tmp_path / "shared.qgs"
    assert QgsProject.instance().write(str(path))
    assert password not in path.read_text(encoding="utf-8")
    # the project's reference opens the database again this session (the password from the session)
    assert open_and_load(context, database_of_project()) is not None


def test_bad_shared_databases_give_a_message_in_words_and_keep_the_project(context, qgis_iface, pg_server, pg_database):
    from pg_server import SUPERUSER

    good = create_and_load(context, pg_database[len("PG:"):], 4526)
    wrong = f"dbname=postgres host=127.0.0.1 port={pg_server.port} user={SUPERUSER} password=wrong-secret"
    assert open_and_load(context, wrong) is None
    unreachable = f"dbname=x host=127.0.0.1 port=1 user={SUPERUSER} password=other-secret"
    assert open_and_load(context, unreachable) is None
    empty = pg_server.create_database("no_schema_here")
    assert open_and_load(context, empty) is None
    messages = qgis_iface.messageBar().get_messages(Qgis.Critical)
    assert any("refused the user name or password" in m for m in messages)
    assert any("cannot be reached" in m for m in messages)
    assert any("not a supervision database" in m for m in messages)
    assert not any("wrong-secret" in m or "other-secret" in m or "ms-admin-test-password" in m for m in messages)
    assert context.store is good and find_layer("patches").isValid()


def test_a_project_naming_a_connection_this_qgis_lacks_says_so(context, qgis_iface):
    assert open_and_load(context, "county-server-elsewhere") is None
    messages = qgis_iface.messageBar().get_messages(Qgis.Critical)
    assert any("county-server-elsewhere is neither a file nor one of QGIS's PostgreSQL connections" in m
               for m in messages)


def test_a_service_opens_as_postgres_layers_that_name_the_service(context, qgis_iface, pg_server, pg_database,
                                                                  tmp_path, monkeypatch):
    from pg_server import SUPERUSER, SUPERUSER_PASSWORD

    dbname = pg_database.split("dbname=")[1].split()[0]
    conf = tmp_path / "pg_service.conf"
    conf.write_text(f"[county]\nhost=127.0.0.1\nport={pg_server.port}\ndbname={dbname}\nuser={SUPERUSER}\n"
                    f"password={SUPERUSER_PASSWORD}\n", encoding="utf-8")
    monkeypatch.setenv("PGSERVICEFILE", str(conf))
    store = create_and_load(context, "service=county", 4526)
    assert store is not None and store.shown == "service=county"
    layers = [find_layer(spec.name) for spec in TABLES]
    assert all(layer.isValid() and layer.providerType() == "postgres" for layer in layers)
    assert all("service='county'" in layer.source() and "host=" not in layer.source() for layer in layers)
    assert database_of_project() == "service=county"
    path = tmp_path / "county.qgs"
    assert QgsProject.instance().write(str(path))
    assert SUPERUSER_PASSWORD not in path.read_text(encoding="utf-8")


def test_a_postgresql_uri_opens_and_is_kept_without_its_password(context, pg_server, pg_database):
    from pg_server import SUPERUSER, SUPERUSER_PASSWORD

    dbname = pg_database.split("dbname=")[1].split()[0]
    url = f"postgresql://{SUPERUSER}:{SUPERUSER_PASSWORD}@127.0.0.1:{pg_server.port}/{dbname}?sslmode=disable"
    store = create_and_load(context, url, 4526)
    assert store is not None and store.is_postgres and find_layer("patches").isValid()
    assert database_of_project() == f"postgresql://{SUPERUSER}@127.0.0.1:{pg_server.port}/{dbname}?sslmode=disable"
