"""minesupervision:createlogin through `qgis_process.bin` on a real PostgreSQL/PostGIS server: the login works over
TCP with the password of its credentials sheet, sees only its county; no password is ever a parameter."""

from __future__ import annotations

import json
import stat

import psycopg2
import pytest

from demo.qgis_process import QgisProcessError
from mine_supervision_plugin.store import database

pytestmark = pytest.mark.usefixtures("installed_plugin")


def test_a_county_login_made_by_the_algorithm_connects_and_sees_its_county(qgis, pg_server, pg_database, tmp_path, monkeypatch):
    database.create_database(pg_database)
    dbname = pg_database.split("dbname=")[1].split()[0]
    for code in ("130102", "130103"):
        pg_server.psql(f"INSERT INTO patches (patch_no, county_code) VALUES ('P{code}', '{code}')", dbname=dbname)
    # The administrator's password comes from a .pgpass file, never from a parameter.
    pgpass = tmp_path / "pgpass"
    pgpass.write_text(f"127.0.0.1:{pg_server.port}:*:ms_admin:ms-admin-test-password\n")
    pgpass.chmod(0o600)
    monkeypatch.setenv("PGPASSFILE", str(pgpass))
    connection = f"dbname={dbname} host=127.0.0.1 port={pg_server.port} user=ms_admin"
    sheet = tmp_path / "credentials.txt"
    result = qgis.run("createlogin", {"DATABASE": connection, "LOGIN": "shangdang_clerk", "LEVEL": 0,
                                      "REGION_CODE": "130102", "CREDENTIALS": sheet})
    assert result["results"]["LOGIN"] == "shangdang_clerk" and result["results"]["REGION_CODE"] == "130102"
    assert stat.S_IMODE(sheet.stat().st_mode) == 0o600
    password = next(line.split(": ", 1)[1] for line in sheet.read_text(encoding="utf-8").splitlines()
                    if line.startswith("密码 / Password"))
    assert len(password) >= 16 and password not in json.dumps(result, ensure_ascii=False)  # not in the log either
    login = psycopg2.connect(host="127.0.0.1", port=pg_server.port, dbname=dbname, user="shangdang_clerk",
                             password=password)
    try:
        with login.cursor() as cursor:
            cursor.execute("SELECT patch_no FROM patches")
            assert cursor.fetchall() == [("P130102",)]
    finally:
        login.close()
    # A connection holding a password is refused (Processing keeps parameters in its history), in words.
    with pytest.raises(QgisProcessError) as refused:
        qgis.run("createlogin", {"DATABASE": connection + " password=ms-admin-test-password", "LOGIN": "other_clerk",
                                 "LEVEL": 0, "REGION_CODE": "130103", "CREDENTIALS": tmp_path / "other.txt"})
    assert "holds a password" in str(refused.value) and "Traceback" not in str(refused.value)
    assert pg_server.psql("SELECT count(*) FROM pg_roles WHERE rolname = 'other_clerk'") == "0"
