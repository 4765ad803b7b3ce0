"""Connect to shared database… in the real QGIS desktop (issue 14): a QGIS PostgreSQL connection with an
authentication configuration, the schema created through the dialog, layers through QGIS's postgres provider,
an edit saved through them, the project saved and read again, and no password in the project file or the log."""

from __future__ import annotations

from pathlib import Path

import pytest
from pg_server import SUPERUSER, SUPERUSER_PASSWORD
from qgis_runner import run_in_qgis
from store_sql import query

SCRIPT = Path(__file__).resolve().parent.parent / "in_qgis" / "shared_database.py"


@pytest.fixture(scope="module")
def desktop(pg_server, tmp_path_factory) -> dict:
    database = "shared_desktop"
    location = pg_server.create_database(database)
    tmp = tmp_path_factory.mktemp("shared")
    work = tmp / "work"
    work.mkdir()
    report = run_in_qgis(SCRIPT, tmp, env={
        "MS_WORK": str(work), "MS_PG_PORT": str(pg_server.port), "MS_PG_DB": database,
        "MS_PG_USER": SUPERUSER, "MS_PG_PASSWORD": SUPERUSER_PASSWORD}, timeout=240)
    report["_location"] = location
    report["_tmp"] = tmp
    assert report["errors"] == [], report["errors"]
    return report


def test_the_dialog_offers_qgis_connections_and_creates_the_schema(desktop):
    assert desktop["authcfg_stored"] and "county-server" in desktop["connections_offered"]
    assert desktop["store_open"] and desktop["store_is_postgres"] and desktop["store_shown"] == "county-server"
    assert query(desktop["_location"], "SELECT value FROM ms_meta WHERE key = 'crs_epsg'") == [("4526",)]
    assert any("county-server" in text for text in desktop["messages_after_connect"])


def test_layers_use_the_postgres_provider_and_an_edit_through_them_is_stored(desktop):
    layers = desktop["layers"]
    assert len(layers) >= 14 and all(kind == ["postgres", True] for kind in layers.values()), layers
    assert desktop["zone_committed"], desktop["commit_errors"]
    assert query(desktop["_location"], "SELECT name, level, year FROM monitoring_zones") == [("荫城重点监测矿区", "province", 2026)]
    # no patch but the one the check-in stage (below) adds
    assert query(desktop["_location"], "SELECT count(*) FROM patches WHERE patch_no <> 'P-R1'") == [(0,)]


def test_the_saved_project_and_the_log_hold_no_password_and_the_project_reconnects(desktop):
    text = Path(desktop["project_path"]).read_text(encoding="utf-8")
    assert SUPERUSER_PASSWORD not in text and "password=" not in text.replace("password=''", "")
    assert f"authcfg={desktop['authcfg']}" in text and 'providerKey="postgres"' in text
    assert "county-server" in text  # the database is kept as the connection's name
    assert not any(SUPERUSER_PASSWORD in line for line in desktop["log"])
    assert not any(SUPERUSER_PASSWORD in line for line in desktop["messages_after_connect"] + desktop["messages_at_end"])
    output = (desktop["_tmp"] / "qgis_output.txt").read_text(encoding="utf-8", errors="replace")
    assert SUPERUSER_PASSWORD not in output
    assert desktop["project_read"] and desktop["store_after_read"]
    after = {name: (valid, features) for name, valid, features in desktop["layers_after_read"]}
    assert after["monitoring_zones"] == (True, 1) and all(valid for valid, _ in after.values())


def test_a_check_in_conflict_is_resolved_from_the_menu(desktop):
    """Resolve check-in conflicts… in the real desktop: the conflict listed, the field copy's value taken, written
    on the server with its audit row."""
    assert desktop["conflicts_left"] == 1 and len(desktop["conflict_rows"]) == 1
    row = desktop["conflict_rows"][0]
    assert "P-R1" in row and "已拆除" in row and "复垦完成" in row
    assert desktop["finding_after_resolve"] == "复垦完成"
    assert query(desktop["_location"], "SELECT count(*) FROM audit_log WHERE action = 'resolve_conflict'") == [(1,)]
