"""Edits made in QGIS's own attribute table on a layer of the shared database (QGIS's postgres provider, not the
plugin): the server logs them with the login, and a county login sees and edits only its county's patches."""

from __future__ import annotations

import json
import uuid

from qgis.core import QgsDataSourceUri, QgsVectorLayer

from mine_supervision_plugin.store import database, postgres_server

PASSWORD = "attribute-table-1"


def patches_layer(pg_server, dbname: str, user: str) -> QgsVectorLayer:
    uri = QgsDataSourceUri()
    uri.setConnection("127.0.0.1", str(pg_server.port), dbname, user, PASSWORD)
    uri.setDataSource("public", "patches", "geom", "", "fid")
    layer = QgsVectorLayer(uri.uri(False), "patches", "postgres")
    assert layer.isValid(), layer.error().summary()
    return layer


def test_an_attribute_table_edit_is_logged_with_the_login_and_limited_to_its_county(qgis_app, pg_server, pg_database):
    database.create_database(pg_database)
    dbname = pg_database.split("dbname=")[1].split()[0]
    for code in ("130102", "130103"):
        pg_server.psql(
            f"INSERT INTO patches (patch_no, county_code, state, geom) VALUES ('P{code}', '{code}', 'issued', "
            "ST_Multi(ST_GeomFromText('POLYGON((0 0,10 0,10 10,0 10,0 0))', 4526)))",
            dbname=dbname,
        )
    clerk = f"clerk_{uuid.uuid4().hex[:6]}"
    postgres_server.create_login(pg_database, clerk, PASSWORD, "county", "130102")
    layer = patches_layer(pg_server, dbname, clerk)
    features = {feature["patch_no"]: feature for feature in layer.getFeatures()}
    assert set(features) == {"P130102"}  # the other county's patch is not even listed
    assert layer.startEditing()
    state = layer.fields().indexOf("state")
    assert layer.changeAttributeValue(features["P130102"].id(), state, "verified")
    assert layer.commitChanges(), layer.commitErrors()
    logged = json.loads(pg_server.psql(
        "SELECT json_agg(a) FROM audit_log a WHERE action = 'db_transition'", dbname=dbname))
    assert [(row["user_name"], row["feature_key"]) for row in logged] == [(clerk, "P130102")]
    assert json.loads(logged[0]["detail"])["changes"] == {"state": ["issued", "verified"]}
    # Moving its patch to another county is refused by the server; the edit stays in QGIS's buffer.
    assert layer.startEditing()
    assert layer.changeAttributeValue(features["P130102"].id(), layer.fields().indexOf("county_code"), "130103")
    assert not layer.commitChanges()
    assert any("row-level security" in error for error in layer.commitErrors())
    layer.rollBack()
    assert pg_server.psql("SELECT county_code FROM patches WHERE patch_no = 'P130102'", dbname=dbname) == "130102"
