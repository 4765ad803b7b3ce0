"""The shared database's own rules on a real PostgreSQL/PostGIS server: audit triggers, an append-only log,
county / city / province roles with row-level security, logins made by the plugin and used over TCP with a password."""

from __future__ import annotations

import datetime as dt
import json
import uuid

import psycopg2
import pytest
import shapely

from mine_supervision_plugin.store import database, postgres_server
from mine_supervision_plugin.store.notices import issuing, notices
from mine_supervision_plugin.store.patches import add_patches, get_patch, take_step

SQUARE = "ST_Multi(ST_GeomFromText('POLYGON((38500000 4000000,38500100 4000000,38500100 4000100,38500000 4000100,38500000 4000000))', 4526))"
PASSWORD = "secret-Pass-1"
CHECKED = {"field_check_date": "2026-05-01", "inspectors": "张三", "finding": "excavation seen"}


def dbname(target: str) -> str:
    return target.split("dbname=")[1].split()[0]


def login(server, target, level, code) -> str:
    """A new login (unique on the server, which every test shares) of ``level`` for ``code``."""
    name = f"{level}_{code or 'all'}_{uuid.uuid4().hex[:6]}"
    postgres_server.create_login(target, name, PASSWORD, level, code)
    return name


def connect(server, target, user, password=PASSWORD):
    """A psycopg2 connection over TCP to the loopback server, as ``user`` with its password (as psql or QGIS would)."""
    connection = psycopg2.connect(host="127.0.0.1", port=server.port, dbname=dbname(target), user=user, password=password)
    connection.autocommit = True
    return connection


def rows(connection, sql, *args):
    with connection.cursor() as cursor:
        cursor.execute(sql, args)
        return cursor.fetchall() if cursor.description else cursor.rowcount


@pytest.fixture
def shared(pg_server, pg_database):
    """A shared database with two counties of city 1301 and one of city 1302: a licence, a patch and a ledger item each."""
    database.create_database(pg_database)
    store = database.open_database(pg_database)
    name = dbname(pg_database)
    for code in ("130102", "130103", "130202"):
        pg_server.psql(
            f"INSERT INTO mining_rights (license_no, mine_name, holder, county_code, status, valid_to, geom) "
            f"VALUES ('C{code}', 'mine {code}', 'holder {code}', '{code}', 'producing', '2030-01-01', {SQUARE})",
            dbname=name,
        )
    square = shapely.box(38_500_000, 4_000_000, 38_500_100, 4_000_100)
    add_patches(
        store,
        [{"patch_no": f"P{code}", "county_code": code, "license_no": f"C{code}", "geometry": square}
         for code in ("130102", "130103", "130202")],
        source="satellite",
    )
    for code in ("130102", "130103", "130202"):
        pg_server.psql(
            f"INSERT INTO ledger_items (license_no, patch_no, problem, state, rectification_done, penalty_done) "
            f"VALUES ('C{code}', 'P{code}', 'problem {code}', 'open', false, false)",
            dbname=name,
        )
    return store


def audit(pg_server, store, where="true"):
    text = pg_server.psql(
        f"SELECT json_agg(a ORDER BY fid) FROM audit_log a WHERE action LIKE 'db_%' AND {where}", dbname=dbname(store.location)
    )
    return json.loads(text) if text else []


# --- audit -----------------------------------------------------------------------------------------


def test_direct_sql_edits_are_logged_with_the_database_user_and_time(pg_server, shared):
    name = dbname(shared.location)
    clerk = login(pg_server, shared.location, "county", "130102")
    # What QGIS's attribute table sends when a user edits a cell of a layer of the shared database.
    for sql in (
        "UPDATE patches SET state = 'verified', remarks = 'seen' WHERE patch_no = 'P130102'",
        "UPDATE patches SET remarks = 'only a remark' WHERE patch_no = 'P130102'",
        "UPDATE mining_rights SET holder = 'new holder', valid_to = '2031-06-30', "
        "geom = ST_Multi(ST_Buffer(geom, 10, 'join=mitre')) WHERE license_no = 'C130102'",
        "UPDATE ledger_items SET rectification_done = true, state = 'closed', closed_at = '2026-05-01' WHERE patch_no = 'P130102'",
        "DELETE FROM ledger_items WHERE patch_no = 'P130102'",
    ):
        pg_server.psql(sql, dbname=name, user=clerk, password=PASSWORD)
    logged = audit(pg_server, shared)
    assert [(r["action"], r["table_name"], r["user_name"]) for r in logged] == [
        ("db_transition", "patches", clerk),
        ("db_update", "mining_rights", clerk),
        ("db_update", "ledger_items", clerk),
        ("db_delete", "ledger_items", clerk),
    ]  # the remark alone is not a key field: not logged
    transition, right, ledger, deleted = (json.loads(r["detail"]) for r in logged)
    assert logged[0]["feature_key"] == "P130102" and transition["changes"] == {"state": ["issued", "verified"]}
    assert right["changes"]["holder"] == ["holder 130102", "new holder"]
    assert right["changes"]["valid_to"] == ["2030-01-01", "2031-06-30"]
    assert right["changes"]["geom"] == [10000.0, 14400.0]  # the boundary, as its areas in m²
    assert ledger["changes"] == {"state": ["open", "closed"], "rectification_done": [False, True],
                                 "closed_at": [None, "2026-05-01"]}
    assert deleted["op"] == "DELETE" and deleted["changes"]["state"] == ["closed", None]
    assert pg_server.psql(
        "SELECT bool_and(event_time > now() - interval '1 minute') FROM audit_log WHERE action LIKE 'db_%'", dbname=name
    ) == "t"


def test_a_workflow_step_of_the_plugin_is_logged_by_the_server_too(pg_server, shared):
    report = take_step(shared, ["P130103"], "verified", reason="checked", user="张三", updates=CHECKED)
    assert report.done == ["P130103"]
    logged = audit(pg_server, shared)
    assert [(r["action"], r["feature_key"], r["user_name"]) for r in logged] == [("db_transition", "P130103", "ms_admin")]
    assert json.loads(logged[0]["detail"])["changes"] == {"state": ["issued", "verified"]}


def test_the_audit_log_cannot_be_altered_or_deleted(pg_server, shared):
    name = dbname(shared.location)
    clerk = login(pg_server, shared.location, "county", "130102")
    pg_server.psql("UPDATE patches SET state = 'verified' WHERE patch_no = 'P130102'", dbname=name, user=clerk, password=PASSWORD)
    before = pg_server.psql("SELECT count(*) FROM audit_log", dbname=name)
    for sql in ("UPDATE audit_log SET user_name = 'nobody'", "DELETE FROM audit_log", "TRUNCATE audit_log"):
        with pytest.raises(RuntimeError, match="permission denied"):
            pg_server.psql(sql, dbname=name, user=clerk, password=PASSWORD)
        # Not even the owner of the tables, through the plugin's own connection.
        with pytest.raises(RuntimeError, match="append-only"):
            pg_server.psql(sql, dbname=name)
    assert pg_server.psql("SELECT count(*) FROM audit_log", dbname=name) == before
    # Appending stays allowed: the plugin logs its own steps as that user.
    pg_server.psql("INSERT INTO audit_log (event_time, action) VALUES (now(), 'note')", dbname=name, user=clerk, password=PASSWORD)


# --- roles -----------------------------------------------------------------------------------------


def test_a_county_reads_and_writes_only_its_own_rows(pg_server, shared):
    clerk = login(pg_server, shared.location, "county", "130102")
    connection = connect(pg_server, shared.location, clerk)
    try:
        assert rows(connection, "SELECT patch_no FROM patches") == [("P130102",)]
        assert rows(connection, "SELECT license_no FROM mining_rights") == [("C130102",)]
        assert rows(connection, "SELECT DISTINCT patch_no FROM patch_events") == [("P130102",)]
        assert rows(connection, "SELECT patch_no FROM ledger_items") == [("P130102",)]
        assert rows(connection, "UPDATE patches SET remarks = 'x' WHERE patch_no = 'P130103'") == 0  # not even seen
        assert rows(connection, "UPDATE patches SET remarks = 'x' WHERE patch_no = 'P130102'") == 1
        with pytest.raises(psycopg2.errors.InsufficientPrivilege, match="row-level security"):
            rows(connection, "INSERT INTO patches (patch_no, county_code) VALUES ('X1', '130103')")
        with pytest.raises(psycopg2.errors.InsufficientPrivilege, match="row-level security"):
            rows(connection, "UPDATE patches SET county_code = '130103' WHERE patch_no = 'P130102'")
        rows(connection, "INSERT INTO patches (patch_no, county_code) VALUES ('X2', '130102')")
        with pytest.raises(psycopg2.errors.InsufficientPrivilege):
            rows(connection, "INSERT INTO monitoring_zones (name, level) VALUES ('z', 'county')")
    finally:
        connection.close()
    # The plugin, connected as that login, works on its patches and does not find the others.
    own = database.open_database(pg_server.ogr_target(dbname(shared.location), user=clerk, password=PASSWORD))
    assert take_step(own, ["P130102"], "verified", reason="checked", updates=CHECKED).done == ["P130102"]
    refused = take_step(own, ["P130202"], "verified", reason="checked", updates=CHECKED)
    assert "There is no patch P130202" in refused.refused["P130202"][0]
    assert get_patch(own, "P130103") is None
    assert get_patch(shared, "P130202")["state"] == "issued"
    square = shapely.box(38_500_000, 4_000_000, 38_500_100, 4_000_100)
    with pytest.raises(database.StoreError, match="your login may not write this row") as refused:
        add_patches(own, [{"patch_no": "N1", "county_code": "130103", "geometry": square}], source="patrol")
    assert PASSWORD not in str(refused.value)
    add_patches(own, [{"patch_no": "N2", "county_code": "130102", "geometry": square}], source="patrol")
    assert get_patch(shared, "N2")["county_code"] == "130102"


def test_a_city_reads_its_counties_and_writes_only_its_spot_checks(pg_server, shared):
    inspector = login(pg_server, shared.location, "city", "130100")
    connection = connect(pg_server, shared.location, inspector)
    try:
        assert rows(connection, "SELECT patch_no FROM patches ORDER BY 1") == [("P130102",), ("P130103",)]
        assert rows(connection, "SELECT license_no FROM mining_rights ORDER BY 1") == [("C130102",), ("C130103",)]
        with pytest.raises(psycopg2.errors.InsufficientPrivilege):
            rows(connection, "UPDATE patches SET state = 'closed' WHERE patch_no = 'P130102'")
        spot_check = ("INSERT INTO inspections (inspection_date, kind, license_no) VALUES ('2026-05-02', %s, %s) "
                      "RETURNING fid")
        (fid,), = rows(connection, spot_check, "joint_check", "C130103")
        rows(connection, "INSERT INTO corner_checks (inspection_id, license_no, corner_no, passed) VALUES (%s, 'C130103', 1, true)", fid)
        for kind, licence in (("patrol", "C130103"), ("joint_check", "C130202")):
            with pytest.raises(psycopg2.errors.InsufficientPrivilege, match="row-level security"):
                rows(connection, spot_check, kind, licence)
    finally:
        connection.close()
    county = connect(pg_server, shared.location, login(pg_server, shared.location, "county", "130103"))
    try:  # the county sees the city's spot check of its mine
        assert rows(county, "SELECT kind FROM inspections") == [("joint_check",)]
        assert rows(county, "SELECT count(*) FROM corner_checks") == [(1,)]
    finally:
        county.close()


def test_a_province_reads_everything_and_writes_nothing(pg_server, shared):
    connection = connect(pg_server, shared.location, login(pg_server, shared.location, "province", "13"))
    try:
        assert rows(connection, "SELECT count(*) FROM patches") == [(3,)]
        assert rows(connection, "SELECT count(*) FROM ledger_items") == [(3,)]
        with pytest.raises(psycopg2.errors.InsufficientPrivilege):
            rows(connection, "UPDATE mining_rights SET status = 'closed'")
    finally:
        connection.close()


def test_logins_have_a_scram_password_only_and_a_wrong_one_is_refused(pg_server, shared):
    clerk = login(pg_server, shared.location, "county", "130102")
    stored = pg_server.psql(f"SELECT rolpassword FROM pg_authid WHERE rolname = '{clerk}'")
    assert stored.startswith("SCRAM-SHA-256$4096:") and PASSWORD not in stored
    with pytest.raises(psycopg2.OperationalError, match="password authentication failed"):
        connect(pg_server, shared.location, clerk, password="wrong-password")


def test_bad_logins_are_refused_in_words(pg_server, shared):
    clerk = login(pg_server, shared.location, "county", "130102")
    for arguments, message in (
        (("Robert'); DROP", PASSWORD, "county", "130102"), "cannot be a login name"),
        (("clerk_x", PASSWORD, "county", "1301"), "6-digit administrative code"),
        (("clerk_x", PASSWORD, "town", "130102"), "Unknown level"),
        (("clerk_x", "short", "county", "130102"), "too short"),
        ((clerk, PASSWORD, "county", "130102"), "already exists"),
        (("ms_county", PASSWORD, "county", "130102"), "reserved"),
    ):
        with pytest.raises(postgres_server.RoleError, match=message):
            postgres_server.create_login(shared.location, *arguments)
    # A login of one supervision database cannot connect to another of the same server until given access,
    # without a new password.
    second = pg_server.create_database("second_" + uuid.uuid4().hex[:6])
    database.create_database(second)
    with pytest.raises(psycopg2.OperationalError, match="permission denied"):
        connect(pg_server, second, clerk)
    postgres_server.create_login(second, clerk, None, "county", "130102")
    connect(pg_server, second, clerk).close()


def test_a_migrated_shared_database_gets_the_rules_of_its_new_tables_and_columns(pg_server, pg_database):
    database.create_database(pg_database, schema_version=4)
    name = dbname(pg_database)
    # As a plugin before these rules left it: no audit, no row-level security.
    pg_server.psql("DROP TRIGGER ms_audit ON patches; DROP POLICY ms_read ON patches; "
                   "ALTER TABLE patches DISABLE ROW LEVEL SECURITY", dbname=name)
    store = database.open_database(pg_database)
    assert store.migrated_from == 4
    assert pg_server.psql("SELECT relrowsecurity FROM pg_class WHERE relname = 'patches'", dbname=name) == "t"
    assert pg_server.psql("SELECT count(*) FROM pg_trigger WHERE tgname = 'ms_audit'", dbname=name) == "3"
    assert "ms_read" in pg_server.psql("SELECT polname FROM pg_policy WHERE polrelid = 'patches'::regclass", dbname=name)
    clerk = login(pg_server, pg_database, "county", "130102")
    pg_server.psql("INSERT INTO patches (patch_no, county_code) VALUES ('A', '130102'), ('B', '130103')", dbname=name)
    assert pg_server.psql("SELECT patch_no FROM patches", dbname=name, user=clerk, password=PASSWORD) == "A"


def test_a_county_issues_its_notices_and_another_county_does_not_see_them(pg_server, shared):
    target = dbname(shared.location)
    stores = {}
    for code in ("130102", "130103"):
        name = login(pg_server, shared.location, "county", code)
        stores[code] = database.open_database(pg_server.ogr_target(target, user=name, password=PASSWORD))
    with issuing(stores["130102"], "上党自然资整", 2026) as issue:
        issue.record(holder="holder 130102", license_nos=["C130102"], patch_nos=["P130102"], facts="越界",
                     legal_basis="法", requirement="停止", deadline=dt.date(2026, 6, 1), issued_at=dt.date(2026, 5, 2),
                     pdf_path="/n.pdf")
    assert issue.number == "上党自然资整〔2026〕1号" and issue.linked == ["P130102"]
    assert [n["notice_no"] for n in notices(stores["130102"])] == [issue.number]
    assert notices(stores["130103"]) == []
    assert get_patch(shared, "P130102")["notice_no"] == issue.number


def test_the_plugins_own_audit_rows_carry_the_login_beside_its_user_name(pg_server, shared, tmp_path):
    clerk = login(pg_server, shared.location, "county", "130102")
    own = database.open_database(pg_server.ogr_target(dbname(shared.location), user=clerk, password=PASSWORD))
    assert take_step(own, ["P130102"], "verified", reason="checked", updates=CHECKED).done == ["P130102"]
    text = pg_server.psql("SELECT json_agg(a ORDER BY fid) FROM audit_log a WHERE action NOT LIKE 'db_%' "
                          "AND feature_key = 'P130102'", dbname=dbname(shared.location))
    plugin_rows = json.loads(text)
    assert plugin_rows[0]["action"] == "add" and plugin_rows[0]["db_login"] == "ms_admin"  # the fixture, as admin
    step = plugin_rows[1:]
    assert step and all(r["db_login"] == clerk and r["user_name"] == database.current_user() for r in step)
    # the server's word, not the client's: a row claiming another login is stamped with the one that connected
    pg_server.psql("INSERT INTO audit_log (event_time, user_name, action, db_login) VALUES (now(), 'x', 'forged', 'boss')",
                   dbname=dbname(shared.location), user=clerk, password=PASSWORD)
    assert pg_server.psql("SELECT db_login FROM audit_log WHERE action = 'forged'", dbname=dbname(shared.location)) == clerk
    # a GeoPackage has no login: the column is there and stays empty
    local = database.open_database(database.create_database(tmp_path / "county.gpkg"))
    with local.transaction() as source:
        local.log(source, "test")
    import sqlite3

    with sqlite3.connect(local.location) as connection:
        assert connection.execute("SELECT user_name, db_login FROM audit_log WHERE action = 'test'").fetchall() == [
            (database.current_user(), None)]


def test_a_shared_database_of_schema_6_gets_the_login_column_and_its_stamp(pg_server, pg_database):
    database.create_database(pg_database, schema_version=6)
    name = dbname(pg_database)
    assert pg_server.psql("SELECT count(*) FROM pg_trigger WHERE tgname = 'ms_login'", dbname=name) == "0"
    store = database.open_database(pg_database)
    assert store.migrated_from == 6
    assert pg_server.psql("SELECT count(*) FROM pg_trigger WHERE tgname = 'ms_login'", dbname=name) == "1"
    # the migration's own audit row already names the login
    assert pg_server.psql("SELECT db_login FROM audit_log WHERE action = 'migrate'", dbname=name) == "ms_admin"


def test_a_county_checks_out_checks_in_and_resolves_its_own_county(pg_server, shared, tmp_path):
    """Field work is the county's: its login checks its county out, checks the copy in and resolves the conflict,
    and cannot check out another county."""
    from mine_supervision_plugin.store.checkout import check_in, check_out, open_conflicts, resolve_conflicts
    from mine_supervision_plugin.store.ogr_util import set_field

    clerk = login(pg_server, shared.location, "county", "130102")
    own = database.open_database(pg_server.ogr_target(dbname(shared.location), user=clerk, password=PASSWORD))
    copy = database.open_database(check_out(own, "130102", tmp_path / "field.gpkg").path)

    def set_finding(store, value):
        with store.transaction() as source:
            layer = source.GetLayerByName("patches")
            layer.SetAttributeFilter("patch_no = 'P130102'")
            feature = layer.GetNextFeature()
            set_field(feature, "finding", value)
            layer.SetFeature(feature)

    set_finding(copy, "复垦完成")
    set_finding(shared, "已拆除")
    assert len(check_in(copy, own).conflicts) == 1
    (conflict,) = open_conflicts(own)
    report = resolve_conflicts(own, {(conflict.checkout_id, conflict.id): "copy"})
    assert report is not None
    assert get_patch(shared, "P130102")["finding"] == "复垦完成"
    with pytest.raises(database.StoreError) as refused:
        check_out(own, "130202", tmp_path / "other.gpkg")
    assert "may not write" in str(refused.value) and PASSWORD not in str(refused.value)
    assert not (tmp_path / "other.gpkg").exists()  # no copy left behind
