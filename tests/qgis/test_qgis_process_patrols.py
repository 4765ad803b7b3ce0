"""minesupervision:importpatrols run as a county's batch runs it: `qgis_process.bin`, the plugin installed from
the zip, on the demo county's GPX tracks, drone flight logs and geotagged phone photos."""

from __future__ import annotations

from pathlib import Path

import pytest
from osgeo import ogr

from demo.qgis_process import QgisProcessError

ROOT = Path(__file__).resolve().parent.parent.parent
OUTPUT_FIELDS = {"inspection_id", "inspection_no", "inspection_date", "started_at", "ended_at", "kind", "license_no",
                 "license_nos", "matched_by", "photos", "route_source", "source_file"}


def rows(path, layer=None) -> list[dict]:
    source = ogr.Open(str(path))
    found = source.GetLayerByName(layer) if layer else source.GetLayer(0)
    return [dict(feature.items(), _placed=feature.GetGeometryRef() is not None) for feature in found]


def test_importpatrols_is_listed(qgis):
    assert "minesupervision:importpatrols" in qgis.algorithms()


def test_the_demo_patrols_land_in_the_database_with_their_photos(qgis, county, database, tmp_path):
    inspections = Path(county["out_dir"]) / "inspections"
    out = tmp_path / "patrol_routes.gpkg"
    answer = qgis.run("importpatrols", {"INPUT": inspections / "gpx", "PHOTOS": inspections / "photos",
                                        "DATABASE": database, "OUTPUT": out})
    results = answer["results"]
    routes = county["counts"]["routes"]
    assert results["FILES_READ"] == county["gpx_files"] + county["drone_logs"] and results["FILES_REFUSED"] == 0
    assert results["PATROLS"] == routes == county["gpx_tracks"] + county["drone_logs"]
    # every mine the generator patrolled is found, by the licence number written in the track or by where it went
    planned = {row["license_no"] for row in rows(inspections / "routes.gpkg")}
    stored = rows(database, "inspections")
    assert len(stored) == routes and planned <= {row["license_no"] for row in stored}
    assert results["MINES"] >= len(planned)
    assert {row["matched_by"] for row in stored} == {"licence_no", "route_distance"}
    assert all(row["license_no"] == row["license_nos"].split(",")[0] for row in stored)
    assert {row["route_source"] for row in stored} == {"gpx_track", "flight_log"}
    assert {row["kind"] for row in stored} == {"patrol", "field_check"}
    # seven photos: six placed by their EXIF position, one without GPS kept; all linked to their patrol
    assert (results["PHOTOS_PLACED"], results["PHOTOS_UNPLACED"], results["PHOTOS_UNASSIGNED"]) == (6, 1, 0)
    photos = rows(database, "inspection_photos")
    assert len(photos) == county["photo_files"] == 7 and sum(p["_placed"] for p in photos) == 6
    for photo in photos:
        assert photo["inspection_id"] is not None and not Path(photo["photo_path"]).is_absolute()
        assert (database.parent / photo["photo_path"]).is_file()
    written = rows(out)
    assert len(written) == routes and OUTPUT_FIELDS <= set(written[0])


def test_a_second_run_of_the_same_tracks_is_refused_and_writes_nothing(qgis, county, database):
    inspections = Path(county["out_dir"]) / "inspections"
    before = len(rows(database, "inspections"))
    with pytest.raises(QgisProcessError, match=r"No new patrol to record \(580 already recorded, 0 refused\); nothing was written"):
        qgis.run("importpatrols", {"INPUT": inspections / "gpx", "DATABASE": database, "OUTPUT": "TEMPORARY_OUTPUT"})
    assert len(rows(database, "inspections")) == before


def test_a_file_without_tracks_is_refused_by_name(qgis, database, tmp_path):
    empty = tmp_path / "航点.gpx"
    empty.write_text('<gpx version="1.1"><wpt lat="36" lon="113"/></gpx>', encoding="utf-8")
    with pytest.raises(QgisProcessError, match="航点.gpx has no track or route"):
        qgis.run("importpatrols", {"INPUT": empty, "DATABASE": database, "OUTPUT": "TEMPORARY_OUTPUT"})
