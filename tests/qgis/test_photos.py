"""Field photos: position, time and direction from their EXIF tags, placed on the map with their patch."""

from __future__ import annotations

import datetime as dt

import pytest
import shapely
from osgeo import ogr, osr
from PIL import Image

from mine_supervision_plugin.formats.photos import FAR_FROM_PATCH_M, read_photo_info
from mine_supervision_plugin.store.database import create_database, open_database
from mine_supervision_plugin.store.patches import add_patch_photos, add_patches, patch_photos

X0, Y0 = 38_500_000.0, 4_000_000.0  # EPSG:4526, near 114°E 36°N
PATCH = shapely.box(X0, Y0, X0 + 100, Y0 + 100)


def lon_lat(x: float, y: float) -> tuple[float, float]:
    """EPSG:4526 easting/northing to CGCS2000 longitude/latitude."""
    source, target = osr.SpatialReference(), osr.SpatialReference()
    source.ImportFromEPSG(4526)
    target.ImportFromEPSG(4490)
    for srs in (source, target):
        srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    lon, lat, _ = osr.CoordinateTransformation(source, target).TransformPoint(x, y)
    return lon, lat


def jpeg(path, *, at=None, taken=None, direction=None):
    """A small JPEG with the EXIF tags a phone writes: GPS position, time taken, camera direction."""
    exif = Image.Exif()
    if taken is not None:
        exif[0x8769] = {0x9003: taken.strftime("%Y:%m:%d %H:%M:%S")}  # DateTimeOriginal
    if at is not None or direction is not None:
        gps = {}
        if at is not None:
            lon, lat = at

            def dms(value):
                degrees = int(value)
                minutes = int((value - degrees) * 60)
                return (float(degrees), float(minutes), round((value - degrees - minutes / 60) * 3600, 6))

            gps.update({1: "N", 2: dms(lat), 3: "E", 4: dms(lon)})
        if direction is not None:
            gps.update({16: "T", 17: float(direction)})
        exif[0x8825] = gps
    Image.new("RGB", (32, 24), (140, 110, 80)).save(path, exif=exif.tobytes())
    return path


@pytest.fixture
def store(tmp_path):
    store = open_database(create_database(tmp_path / "county.gpkg", 4526))
    add_patches(
        store,
        [{"patch_no": "P-1", "date_after": dt.date(2025, 9, 1), "geometry": PATCH}],
        source="satellite",
        crs_epsg=4526,
    )
    return store


def test_exif_position_time_and_direction_are_read(tmp_path):
    lon, lat = lon_lat(X0 + 50, Y0 + 50)
    path = jpeg(tmp_path / "a.jpg", at=(lon, lat), taken=dt.datetime(2025, 10, 12, 9, 31, 15), direction=135.5)
    info = read_photo_info(path)
    assert info.located
    assert info.longitude == pytest.approx(lon, abs=1e-7) and info.latitude == pytest.approx(lat, abs=1e-7)
    assert info.taken_at == dt.datetime(2025, 10, 12, 9, 31, 15)
    assert info.azimuth_deg == pytest.approx(135.5)


def test_photos_without_tags_or_not_photos_at_all_give_nothing(tmp_path):
    plain = jpeg(tmp_path / "plain.jpg")
    text = tmp_path / "notes.jpg"
    text.write_text("not a picture", encoding="utf-8")
    for path in (plain, text, tmp_path / "missing.jpg"):
        info = read_photo_info(path)
        assert (info.longitude, info.latitude, info.taken_at, info.azimuth_deg) == (None, None, None, None), path


def test_linked_photos_are_placed_where_they_were_taken(store, tmp_path):
    lon, lat = lon_lat(X0 + 50, Y0 + 50)
    near = jpeg(tmp_path / "near.jpg", at=(lon, lat), taken=dt.datetime(2025, 10, 12, 9, 31), direction=90)
    doubts: list[str] = []
    fids = add_patch_photos(store, "P-1", [near], warnings=doubts)
    assert len(fids) == 1 and doubts == []
    row = patch_photos(store, "P-1")[0]
    assert row["taken_at"] == dt.datetime(2025, 10, 12, 9, 31)
    assert row["azimuth_deg"] == pytest.approx(90.0)
    source = ogr.Open(store.location)
    feature = source.GetLayerByName("inspection_photos").GetFeature(fids[0])
    point = feature.GetGeometryRef()
    assert point.GetX() == pytest.approx(X0 + 50, abs=0.01) and point.GetY() == pytest.approx(Y0 + 50, abs=0.01)


def test_doubtful_photos_are_linked_and_named(store, tmp_path):
    far = jpeg(tmp_path / "far.jpg", at=lon_lat(X0 + 50, Y0 + 2000), taken=dt.datetime(2025, 10, 1, 8, 0))
    early = jpeg(tmp_path / "early.jpg", at=lon_lat(X0 + 10, Y0 + 10), taken=dt.datetime(2025, 8, 20, 8, 0))
    blind = jpeg(tmp_path / "blind.jpg", taken=dt.datetime(2025, 10, 1, 8, 0))
    doubts: list[str] = []
    fids = add_patch_photos(store, "P-1", [far, early, blind], warnings=doubts)
    assert len(fids) == 3  # every photo is kept: the doubts are for the user to weigh
    assert any("far.jpg" in d and "1,900 m" in d for d in doubts), doubts
    assert 1900 > FAR_FROM_PATCH_M
    assert any("early.jpg" in d and "2025-08-20" in d and "2025-09-01" in d for d in doubts), doubts
    assert any("blind.jpg" in d and "GPS" in d for d in doubts), doubts
    assert len(doubts) == 3
    source = ogr.Open(store.location)
    layer = source.GetLayerByName("inspection_photos")
    located = {f.GetField("photo_path").rsplit("/", 1)[-1]: f.GetGeometryRef() is not None for f in layer}
    assert located == {"far.jpg": True, "early.jpg": True, "blind.jpg": False}
