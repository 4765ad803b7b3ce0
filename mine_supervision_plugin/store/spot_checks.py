"""The spot-check draws, recorded in the supervision database's audit log so an auditor can redo them.

No table of its own (no schema change): one ``audit_log`` row per draw, action
``spot_check_draw``, table ``mining_rights``, key ``seed=<seed>``, the detail
the JSON of :func:`..domain.sampling.audit_record` (date, who, seed, ratio,
method, population and its digest, the list drawn with why).
"""

from __future__ import annotations

import datetime as dt
import json

from ..domain.sampling import Draw, audit_record
from .database import SupervisionStore, _ogr_name, current_user, reading

ACTION = "spot_check_draw"
TABLE = "mining_rights"


def record_draw(store: SupervisionStore, draw: Draw, population: list[str]) -> dict:
    """Write the draw to the audit log in one transaction; return the record written."""
    record = audit_record(draw, population, dt.datetime.now().isoformat(timespec="seconds"), current_user())
    with store.transaction() as source:
        store.log(source, ACTION, TABLE, f"seed={draw.seed}", record)
    return record


def recorded_draws(store: SupervisionStore) -> list[dict]:
    """Every draw recorded in the database, oldest first."""
    from osgeo import ogr

    with reading(store.location):
        source = ogr.Open(_ogr_name(store.location))
        layer = source.GetLayerByName("audit_log")
        layer.SetAttributeFilter(f"action = '{ACTION}'")
        # by fid: PostgreSQL gives rows in no set order
        found = [json.loads(feature.GetField("detail")) for feature in sorted(layer, key=lambda f: f.GetFID())]
        layer = source = None
    return found
