"""Test set-up for both parts: the plugin is imported from the assembled folder when the
Makefile built it (what users install), else from the source tree.

tests/unit: the core, no QGIS (``make test`` runs it first, in seconds, with QGIS and PyQt
blocked); tests/qgis: everything that needs QGIS, up to the real desktop and qgis_process."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BUILD = ROOT / "build"

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The demo generator and tools live at the top of the tree; the plugin comes first from
# the assembled folder when there is one, so the source tree's copy is never imported then.
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))  # shared helpers: qgis_runner, gpkg_checks
if os.environ.get("MS_PLUGIN_DIR"):
    sys.path.insert(0, os.environ["MS_PLUGIN_DIR"])

DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="module")
def registry(qgis_app):
    """QGIS's Processing registry with the plugin's provider, removed again afterwards
    so that tests loading the whole plugin find the registry as QGIS has it."""
    from qgis.core import QgsApplication

    from mine_supervision_plugin.processing.provider import PROVIDER_ID, MineSupervisionProvider

    registry = QgsApplication.processingRegistry()
    provider = None
    if registry.providerById(PROVIDER_ID) is None:
        provider = MineSupervisionProvider()
        registry.addProvider(provider)
    yield registry
    if provider is not None:
        registry.removeProvider(provider)


@pytest.fixture(scope="session")
def pg_server():
    """A throwaway PostgreSQL 15 + PostGIS 3 cluster on a loopback port, stopped after the session.

    ``make test`` installs the server packages; a machine without them fails here with the command to run,
    never skips: the shared database is tested wherever the tests run."""
    from pg_server import start_server

    server = start_server()
    yield server
    server.stop()


@pytest.fixture
def pg_database(pg_server, request):
    """A new empty PostGIS database for one test; its ``PG:`` store location."""
    import re
    import uuid

    name = "t_" + re.sub(r"[^a-z0-9]", "_", request.node.name.lower())[:40] + "_" + uuid.uuid4().hex[:6]
    return pg_server.create_database(name)


@pytest.fixture(scope="session")
def pg_postgis_template(pg_server) -> str:
    """An empty database with PostGIS that new test databases are copied from (faster than CREATE EXTENSION each)."""
    name = "ms_template_postgis"
    pg_server.create_database(name)
    return name


@pytest.fixture(params=["gpkg", "postgis"])
def store_kind(request) -> str:
    """Which store a test of the store runs on: every such test runs on both (issue 14)."""
    return request.param


@pytest.fixture
def new_store_location(request, store_kind, tmp_path):
    """A factory of fresh places for a supervision database of the test's kind: ``new_store_location("name")``
    gives ``tmp_path/name.gpkg`` or a new empty PostGIS database (its ``PG:...`` location)."""
    import re
    import uuid

    def make(name: str = "county") -> str:
        if store_kind == "gpkg":
            return str(tmp_path / f"{name}.gpkg")
        server = request.getfixturevalue("pg_server")
        template = request.getfixturevalue("pg_postgis_template")
        database = "t_" + re.sub(r"[^a-z0-9]", "_", f"{request.node.name}_{name}".lower())[:40] + "_" + uuid.uuid4().hex[:6]
        server.psql(f'CREATE DATABASE "{database}" TEMPLATE "{template}"')
        server.databases.append(database)
        made.append(database)
        return server.ogr_target(database)

    made: list[str] = []
    yield make
    # dropped with its sessions: QGIS's postgres provider keeps idle connections in its pool, and a run of
    # many tests would otherwise fill the server's connection slots
    for database in made:
        request.getfixturevalue("pg_server").psql(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')


@pytest.fixture
def store_location(new_store_location) -> str:
    """A fresh place for one supervision database: a ``.gpkg`` path or an empty PostGIS database (see store_kind)."""
    return new_store_location()
