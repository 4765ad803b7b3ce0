"""transitionpatches checks the patches as it read them when it started (issue 14): on both stores a batch whose
patches nobody touched moves them all (no false conflict from the comparison), and on a shared database a patch
another user changes while the batch waits for its row lock is refused and named, nothing of it written."""

from __future__ import annotations

import json
import threading
import time

import psycopg2
import shapely

from mine_supervision_plugin.domain.workflow import STATES
from mine_supervision_plugin.store.database import create_database, open_database
from mine_supervision_plugin.store.patches import add_patches, get_patch, patch_history, update_patch_fields

CHECKED = {"field_check_date": "2026-05-01", "inspectors": "李四", "finding": "开挖"}


def run(registry, parameters):
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback

    feedback = QgsProcessingFeedback()
    context = QgsProcessingContext()
    algorithm = registry.createAlgorithmById("minesupervision:transitionpatches")
    result, ok = algorithm.run(parameters, context, feedback)
    return result, ok


def make_store(location: str):
    store = open_database(create_database(location))
    add_patches(store, [{"patch_no": f"P{i}", "county_code": "130102",
                         "geometry": shapely.box(38_500_000 + 200 * i, 4_000_000, 38_500_100 + 200 * i, 4_000_100)}
                        for i in (1, 2)], source="satellite")
    for number in ("P1", "P2"):
        update_patch_fields(store, number, CHECKED)
    return store


def parameters(store) -> dict:
    return {"DATABASE": store.location, "PATCH_NOS": "P1, P2", "TO_STATE": STATES.index("verified"),
            "REASON": "批量核查"}


def test_an_untouched_batch_moves_every_patch(registry, store_location):
    store = make_store(store_location)
    result, ok = run(registry, parameters(store))
    assert ok and result["DONE"] == "P1,P2" and result["REFUSED_COUNT"] == 0
    assert [get_patch(store, n)["state"] for n in ("P1", "P2")] == ["verified", "verified"]


def test_a_patch_changed_while_the_batch_waits_is_refused_and_named(registry, pg_server, pg_database):
    store = make_store(pg_database)
    other = psycopg2.connect(pg_database[3:])
    committed = threading.Event()

    def commit_once_the_batch_waits():
        # the batch has read the patches and waits for P2's row lock: the other user's change lands now
        watcher = psycopg2.connect(pg_database[3:])
        watcher.autocommit = True
        try:
            deadline = time.monotonic() + 30
            while time.monotonic() < deadline:
                with watcher.cursor() as cursor:
                    cursor.execute("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                                   "AND datname = current_database()")
                    if cursor.fetchone()[0]:
                        break
                time.sleep(0.05)
            other.commit()
            committed.set()
        finally:
            watcher.close()

    try:
        with other.cursor() as cursor:
            cursor.execute("UPDATE patches SET finding = '复核：无开采' WHERE patch_no = 'P2'")  # not committed yet
        helper = threading.Thread(target=commit_once_the_batch_waits)
        helper.start()
        result, ok = run(registry, parameters(store))
        helper.join(timeout=60)
    finally:
        other.close()
    assert committed.is_set()
    assert ok and result["DONE"] == "P1" and result["REFUSED_COUNT"] == 1
    refused = json.loads(result["REFUSED"])
    assert list(refused) == ["P2"] and "复核：无开采" in refused["P2"][0] and "ms_admin" in refused["P2"][0]
    p2 = get_patch(store, "P2")
    assert (p2["state"], p2["finding"]) == ("issued", "复核：无开采")
    assert [event["to_state"] for event in patch_history(store, "P2")] == ["issued"]
