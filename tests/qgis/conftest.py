"""Fixtures shared by the tests that run the plugin through `qgis_process.bin`: the plugin unzipped once as a
user installs it, one QGIS profile enabling it, the demo county generated once, and a database of its licences."""

from __future__ import annotations

import os
import subprocess
import zipfile
from pathlib import Path

import pytest

from demo.county import generate
from demo.qgis_process import QgisProcess
from demo.run import apply_right_attributes
from mine_supervision_plugin.store.database import open_database

ROOT = Path(__file__).resolve().parent.parent.parent


@pytest.fixture(scope="session")
def installed_plugin(tmp_path_factory) -> Path:
    """The plugin unzipped from dist/ (make package), as a user installs it."""
    zip_path = Path(os.environ.get("MS_PLUGIN_ZIP", ROOT / "dist" / "mine_supervision_plugin.zip"))
    if not zip_path.exists():
        subprocess.run(["make", "-s", "package"], cwd=ROOT, check=True, capture_output=True)
    folder = tmp_path_factory.mktemp("plugins")
    with zipfile.ZipFile(zip_path) as archive:
        archive.extractall(folder)
    return folder


@pytest.fixture(scope="session")
def qgis(installed_plugin, tmp_path_factory) -> QgisProcess:
    return QgisProcess(installed_plugin, tmp_path_factory.mktemp("home"))


@pytest.fixture(scope="session")
def county(tmp_path_factory) -> dict:
    """The demo county's inputs (read only: tests write under their own tmp_path)."""
    return generate(tmp_path_factory.mktemp("county"), seed=2026)


@pytest.fixture(scope="module")
def database(qgis, county, tmp_path_factory) -> Path:
    """A county database with the demo's licences (coordinates through qgis_process, then the ledger sheet)."""
    path = tmp_path_factory.mktemp("db") / "county.gpkg"
    qgis.run("createdatabase", {"DATABASE": path, "CRS": "EPSG:4526"})
    qgis.run("importcoordinates", {"INPUT": county["rights_dir"], "DATABASE": path,
                                   "OUTPUT": path.parent / "parcels.gpkg"})
    # The county's licence ledger (validity, status): the coordinate exchange format carries none.
    apply_right_attributes(open_database(path), county["rights_attributes"])
    return path
