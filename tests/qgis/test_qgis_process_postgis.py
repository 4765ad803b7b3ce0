"""The shared database through `qgis_process.bin` (issue 14): DATABASE as a PostgreSQL connection string or a
service, the schema created in an empty PostGIS database, licences imported into it, bad connections refused
in words; no password in any answer or log."""

from __future__ import annotations

import json

import pytest
from pg_server import SUPERUSER, SUPERUSER_PASSWORD
from store_sql import count, query

from demo.qgis_process import QgisProcessError


def dbname_of(location: str) -> str:
    return location.split("dbname=")[1].split()[0]


@pytest.fixture
def service(pg_server, pg_database, tmp_path, monkeypatch) -> str:
    """A pg_service.conf entry for the test's database, as a bureau writes one; ``service=...``."""
    conf = tmp_path / "pg_service.conf"
    conf.write_text(f"[county]\nhost=127.0.0.1\nport={pg_server.port}\ndbname={dbname_of(pg_database)}\n"
                    f"user={SUPERUSER}\npassword={SUPERUSER_PASSWORD}\n", encoding="utf-8")
    monkeypatch.setenv("PGSERVICEFILE", str(conf))
    return "service=county"


def test_createdatabase_builds_the_schema_in_postgis_through_a_service_and_licences_go_in(
        qgis, county, service, pg_database, tmp_path):
    answer = qgis.run("createdatabase", {"DATABASE": service, "CRS": "EPSG:4526"})
    assert answer["results"]["DATABASE"] == service
    assert query(pg_database, "SELECT value FROM ms_meta WHERE key = 'crs_epsg'") == [("4526",)]
    answer = qgis.run("importcoordinates", {"INPUT": county["rights_dir"], "DATABASE": service,
                                            "OUTPUT": tmp_path / "parcels.gpkg"})
    stored = count(pg_database, "mining_rights")
    assert stored == answer["results"]["LICENCES"] > 0
    assert count(pg_database, "mining_right_corners") > 4 * stored
    assert SUPERUSER_PASSWORD not in json.dumps(answer, ensure_ascii=False)  # a service keeps it in its file
    # a second createdatabase never overwrites the shared database
    with pytest.raises(QgisProcessError) as refused:
        qgis.run("createdatabase", {"DATABASE": service, "CRS": "EPSG:4526"})
    assert "already holds a supervision database" in str(refused.value) and "Traceback" not in str(refused.value)
    assert count(pg_database, "mining_rights") == stored


def test_a_typed_connection_string_works_and_its_password_is_never_shown(qgis, pg_database):
    typed = pg_database[len("PG:"):]  # dbname=... host=... port=... user=... password=...
    answer = qgis.run("createdatabase", {"DATABASE": typed, "CRS": "EPSG:4526"})
    # qgis_process echoes the inputs as typed; what the plugin answers and logs has no password
    assert SUPERUSER_PASSWORD not in json.dumps([answer["results"], answer["log"]], ensure_ascii=False)
    assert f"dbname={dbname_of(pg_database)}" in answer["results"]["DATABASE"].replace("'", "")
    assert count(pg_database, "patches") == 0


def test_bad_connections_are_refused_in_words_and_nothing_is_written(qgis, pg_server, pg_database, county, tmp_path):
    wrong = f"dbname={dbname_of(pg_database)} host=127.0.0.1 port={pg_server.port} user={SUPERUSER} password=wrong-pw"
    with pytest.raises(QgisProcessError) as refused:
        qgis.run("createdatabase", {"DATABASE": wrong, "CRS": "EPSG:4526"})
    message = str(refused.value)
    assert "refused the user name or password" in message and "Traceback" not in message
    assert "wrong-pw" not in message
    assert query(pg_database, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'spatial_ref_sys'") == [(0,)]
    unreachable = f"dbname=x host=127.0.0.1 port=1 user={SUPERUSER}"
    with pytest.raises(QgisProcessError) as refused:
        qgis.run("importcoordinates", {"INPUT": county["rights_dir"], "DATABASE": unreachable,
                                       "OUTPUT": tmp_path / "parcels.gpkg"})
    assert "cannot be reached" in str(refused.value) and "Traceback" not in str(refused.value)
    # an empty PostGIS database is not a supervision database until createdatabase made it one
    typed = pg_database[len("PG:"):]
    with pytest.raises(QgisProcessError) as refused:
        qgis.run("importcoordinates", {"INPUT": county["rights_dir"], "DATABASE": typed,
                                       "OUTPUT": tmp_path / "parcels2.gpkg"})
    assert "not a supervision database" in str(refused.value) and SUPERUSER_PASSWORD not in str(refused.value)
    assert query(pg_database, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'spatial_ref_sys'") == [(0,)]


def test_pushdatabase_moves_a_county_geopackage_into_the_shared_database(qgis, database, service, pg_database):
    """The module's county database (licences imported through qgis_process) pushed through a service."""
    from mine_supervision_plugin.store.schema import SCHEMA_VERSION, tables_at

    answer = qgis.run("pushdatabase", {"INPUT": database, "DATABASE": service})
    expected = {spec.name: count(database, spec.name) for spec in tables_at(SCHEMA_VERSION)}
    assert answer["results"]["ROWS"] == sum(expected.values()) and expected["mining_rights"] > 0
    assert count(pg_database, "mining_rights") == expected["mining_rights"]
    assert count(pg_database, "mining_right_corners") == expected["mining_right_corners"]
    with pytest.raises(QgisProcessError) as refused:
        qgis.run("pushdatabase", {"INPUT": database, "DATABASE": service})
    assert "already holds supervision data" in str(refused.value) and "Traceback" not in str(refused.value)
    assert count(pg_database, "mining_rights") == expected["mining_rights"]


def test_patrol_photos_of_a_shared_database_go_to_the_folder_its_administrator_sets(qgis, service, pg_database, tmp_path):
    qgis.run("createdatabase", {"DATABASE": service, "CRS": "EPSG:4526"})
    share = tmp_path / "share" / "attachments"
    share.parent.mkdir()
    answer = qgis.run("setattachmentsfolder", {"DATABASE": service, "FOLDER": share})
    assert answer["results"]["FOLDER"] == str(share.resolve())
    assert query(pg_database, "SELECT value FROM ms_meta WHERE key = 'attachments_folder'") == [(str(share.resolve()),)]
