"""Document numbers from the shared database: unique and gap-free when 8 writers issue notices at the same time."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from mine_supervision_plugin.domain.notices import parse_number
from mine_supervision_plugin.store import database
from mine_supervision_plugin.store.database import StoreError, _write_meta

ROOT = Path(__file__).resolve().parents[2]
PREFIX = "上党自然资整"
WRITERS = 8
ISSUES = 6  # per writer; every third one fails after its number was allocated, and is rolled back

# One writer: its own process and connection, as another QGIS would be.
WORKER = r"""
import datetime as dt, json, sys, time
from mine_supervision_plugin.store.database import open_database
from mine_supervision_plugin.store.notices import issuing

target, start, writer, count = sys.argv[1], float(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
store = open_database(target)
issued, failed = [], []
time.sleep(max(0.0, start - time.time()))
for n in range(count):
    try:
        with issuing(store, PREFIX, 2026) as issue:
            time.sleep(0.01)  # the PDF being written while the number is held
            if n % 3 == 2:
                raise RuntimeError("PDF failed")
            issue.record(holder="甲公司", license_nos=["C1"], patch_nos=[], facts="越界", legal_basis="法",
                         requirement="停止", deadline=dt.date(2026, 6, 1), issued_at=dt.date(2026, 5, 2),
                         pdf_path=f"/w{writer}-{n}.pdf")
        issued.append(issue.number)
    except Exception as error:
        failed.append(str(error))
print(json.dumps({"issued": issued, "failed": failed}, ensure_ascii=False))
""".replace("PREFIX", repr(PREFIX))


def test_eight_concurrent_writers_get_numbers_one_to_n_without_gap_or_duplicate(pg_server, pg_database):
    database.create_database(pg_database)
    environment = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    start = time.time() + 4  # every writer connected before the first issues
    writers = [
        subprocess.Popen([sys.executable, "-c", WORKER, pg_database, str(start), str(w), str(ISSUES)],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=environment)
        for w in range(WRITERS)
    ]
    results = []
    for writer in writers:
        out, err = writer.communicate(timeout=300)
        assert writer.returncode == 0, err
        results.append(json.loads(out.strip().splitlines()[-1]))
    issued = [number for result in results for number in result["issued"]]
    failures = [reason for result in results for reason in result["failed"]]
    assert len(failures) == WRITERS * (ISSUES // 3) and all("PDF failed" in reason for reason in failures)
    sequences = sorted(parse_number(number)[2] for number in issued)
    assert sequences == list(range(1, WRITERS * ISSUES - len(failures) + 1))  # no gap, no duplicate
    dbname = pg_database.split("dbname=")[1].split()[0]
    stored = pg_server.psql("SELECT notice_no FROM notices", dbname=dbname).splitlines()
    assert sorted(stored) == sorted(issued)
    counter = pg_server.psql(f"SELECT value FROM ms_meta WHERE key = 'notice_sequence|{PREFIX}|2026'", dbname=dbname)
    assert counter == str(len(issued))


def test_a_rolled_back_transaction_after_a_read_stopped_early_leaves_nothing(pg_server, pg_database):
    """GDAL closes a cursor left open with a COMMIT before its ROLLBACK; the store closes them first."""
    database.create_database(pg_database)
    dbname = pg_database.split("dbname=")[1].split()[0]
    pg_server.psql("INSERT INTO notices (notice_no) SELECT 'N' || g FROM generate_series(1, 10) g", dbname=dbname)
    store = database.open_database(pg_database)
    with pytest.raises(StoreError, match="PDF failed"):
        with store.transaction() as source:
            layer = source.GetLayerByName("notices")
            assert layer.GetNextFeature() is not None  # the cursor stays open on the other nine
            _write_meta(source, {"written_then_rolled_back": "1"})
            raise RuntimeError("PDF failed")
    assert pg_server.psql("SELECT count(*) FROM ms_meta WHERE key = 'written_then_rolled_back'", dbname=dbname) == "0"
