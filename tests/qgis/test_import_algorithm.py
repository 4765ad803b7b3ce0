"""minesupervision:importcoordinates and :exportcoordinates run in real QGIS Processing on real files."""

from __future__ import annotations

import pytest
from qgis.core import (
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsVectorLayer,
)
from test_coordinate_writers import LAND_EXCHANGE, REGISTRATION, TABLE, corner_set

from mine_supervision_plugin.formats.coordinates import read_coordinate_file
from mine_supervision_plugin.processing.provider import PROVIDER_ID
from mine_supervision_plugin.store.database import create_database, open_database
from mine_supervision_plugin.store.rights import history, list_license_nos, read_licence

# A registration file whose only parcel crosses itself (corners 2 and 3 swapped).
BOW_TIE = """许可证号=C4107002020127130159999
矿山名称=示范县坏图矿
采矿权人=某公司
坐标系统=CGCS2000
矿区范围拐点坐标与标高的总行数=5
XY001=1,3850000.00,38500000.00
XY002=2,3849900.00,38500100.00
XY003=3,3850000.00,38500100.00
XY004=4,3849900.00,38500000.00
XY005=标高,100,0,,1
"""

# Xi'an 1980, zone 38 with prefix: a good file, on another datum.
XIAN80 = """许可证号=C4107002020127130158080
矿山名称=示范县老图矿
采矿权人=某公司
坐标系统=西安80
矿区范围拐点坐标与标高的总行数=5
XY001=1,3850000.00,38500000.00
XY002=2,3850000.00,38500100.00
XY003=3,3849900.00,38500100.00
XY004=4,3849900.00,38500000.00
XY005=标高,100,0,,1
"""


class RecordingFeedback(QgsProcessingFeedback):
    """Keeps what the algorithm reports, as the Processing dialog would show it."""

    def __init__(self):
        super().__init__()
        self.errors: list[str] = []
        self.warnings: list[str] = []
        self.infos: list[str] = []

    def reportError(self, error, fatalError=False):  # noqa: N802 - Qt API
        self.errors.append(error)

    def pushWarning(self, warning):  # noqa: N802 - Qt API
        self.warnings.append(warning)

    def pushInfo(self, info):  # noqa: N802 - Qt API
        self.infos.append(info)




def run(registry, name: str, parameters: dict, feedback: QgsProcessingFeedback | None = None) -> dict:
    algorithm = registry.createAlgorithmById(f"{PROVIDER_ID}:{name}")
    assert algorithm is not None, name
    context = QgsProcessingContext()
    feedback = feedback or QgsProcessingFeedback()
    ok, message = algorithm.checkParameterValues(parameters, context)
    assert ok, message
    results, ok = algorithm.run(parameters, context, feedback, {}, False)
    assert ok
    return results


@pytest.fixture
def received(tmp_path):
    folder = tmp_path / "received"
    folder.mkdir()
    (folder / "青山.txt").write_bytes(REGISTRATION.replace("\n", "\r\n").encode("gbk"))
    (folder / "西岭.txt").write_bytes(LAND_EXCHANGE.encode("utf-8-sig"))
    (folder / "东沟南山.csv").write_bytes(TABLE.encode("gbk"))
    return folder


def features(path) -> tuple[QgsVectorLayer, list]:
    layer = QgsVectorLayer(str(path), "out", "ogr")
    assert layer.isValid()
    return layer, list(layer.getFeatures())


def test_import_one_file(registry, received, tmp_path):
    out = tmp_path / "parcels.gpkg"
    results = run(registry, "importcoordinates", {"INPUT": str(received / "青山.txt"), "OUTPUT": str(out)})
    assert (results["FILES_READ"], results["FILES_REFUSED"], results["LICENCES"]) == (1, 0, 1)
    layer, rows = features(out)
    assert layer.crs().authid() == "EPSG:4526"
    names = layer.fields().names()
    for field in ("license_no", "parcel_no", "mine_name", "holder", "mineral", "mining_method", "valid_from",
                  "valid_to", "depth_top_m", "depth_bottom_m", "excluded", "area_m2", "area_mu",
                  "ellipsoidal_area_m2", "source_file"):
        assert field in names, field
    assert [(f["parcel_no"], bool(f["excluded"])) for f in rows] == [("1", False), ("2", True)]
    first = rows[0]
    assert first["license_no"] == "C4107002020127130150001"
    assert first["mining_method"] == "open_pit"
    assert (first["depth_top_m"], first["depth_bottom_m"]) == (350.0, 120.0)
    assert first["valid_to"].toPyDate().isoformat() == "2031-03-15"
    assert first["area_m2"] == pytest.approx(first.geometry().area(), abs=0.01)
    assert first["area_mu"] == pytest.approx(first["area_m2"] * 3 / 2000, abs=1e-4)
    assert first["ellipsoidal_area_m2"] == pytest.approx(first["area_m2"], rel=2e-3)
    assert first["source_file"].endswith("青山.txt")


def test_a_refused_file_fails_with_the_checks_message(registry, tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_text(BOW_TIE, encoding="gbk")
    algorithm = registry.createAlgorithmById(f"{PROVIDER_ID}:importcoordinates")
    with pytest.raises(QgsProcessingException, match=r"bad\.txt:8: 地块 1: 拐点 3: ring 1 intersects itself"):
        algorithm.run({"INPUT": str(bad), "OUTPUT": str(tmp_path / "o.gpkg")}, QgsProcessingContext(),
                      QgsProcessingFeedback(), {}, False)
    assert not (tmp_path / "o.gpkg").exists()


def test_a_folder_imports_good_files_and_reports_refused_ones(registry, received, tmp_path):
    (received / "坏图.txt").write_text(BOW_TIE, encoding="gbk")
    (received / "notes.docx").write_bytes(b"not looked at")
    feedback = RecordingFeedback()
    out = tmp_path / "parcels.gpkg"
    results = run(registry, "importcoordinates", {"INPUT": str(received), "OUTPUT": str(out)}, feedback)
    assert (results["FILES_READ"], results["FILES_REFUSED"], results["LICENCES"]) == (3, 1, 4)
    assert len(feedback.errors) == 1 and "坏图.txt" in feedback.errors[0] and "intersects itself" in feedback.errors[0]
    layer, rows = features(out)
    # First file in name order is the CSV (EPSG:4526); the land file (4547, zone 38 unprefixed) is reprojected.
    assert layer.crs().authid() == "EPSG:4526"
    assert sorted({f["license_no"] for f in rows}) == [
        "C4107002020127130150001", "C4107002020127130150002", "C4107002020127130150003", "C4107002020127130150004",
    ]
    west = [f for f in rows if f["license_no"] == "C4107002020127130150002"]
    assert west[0].geometry().boundingBox().xMinimum() == pytest.approx(38_512_000.0, abs=1e-6)
    assert any("reprojected" in info for info in feedback.infos)


def test_a_folder_where_nothing_imports_fails(registry, tmp_path):
    folder = tmp_path / "bad"
    folder.mkdir()
    (folder / "a.txt").write_text(BOW_TIE, encoding="gbk")
    algorithm = registry.createAlgorithmById(f"{PROVIDER_ID}:importcoordinates")
    with pytest.raises(QgsProcessingException, match="No file could be imported"):
        algorithm.run({"INPUT": str(folder), "OUTPUT": str(tmp_path / "o.gpkg")}, QgsProcessingContext(),
                      QgsProcessingFeedback(), {}, False)


def test_another_datum_in_a_folder_is_refused_not_mixed(registry, received, tmp_path):
    (received / "zz_老图.txt").write_text(XIAN80, encoding="gbk")
    feedback = RecordingFeedback()
    results = run(registry, "importcoordinates", {"INPUT": str(received), "OUTPUT": str(tmp_path / "o.gpkg")},
                  feedback)
    assert results["FILES_REFUSED"] == 1
    assert any("zz_老图.txt" in e and "2362" in e for e in feedback.errors)
    # Alone, it imports in its own CRS, with the warning that it must be transformed.
    feedback = RecordingFeedback()
    out = tmp_path / "xian.gpkg"
    run(registry, "importcoordinates", {"INPUT": str(received / "zz_老图.txt"), "OUTPUT": str(out)}, feedback)
    assert features(out)[0].crs().authid() == "EPSG:2362"
    assert any("CGCS2000" in w for w in feedback.warnings)


def test_crs_parameter_supplies_the_missing_zone(registry, tmp_path):
    source = tmp_path / "nozone.txt"
    source.write_text(LAND_EXCHANGE.replace("带号=38\n", ""), encoding="utf-8")
    algorithm = registry.createAlgorithmById(f"{PROVIDER_ID}:importcoordinates")
    with pytest.raises(QgsProcessingException, match="带号"):
        algorithm.run({"INPUT": str(source), "OUTPUT": str(tmp_path / "a.gpkg")}, QgsProcessingContext(),
                      QgsProcessingFeedback(), {}, False)
    out = tmp_path / "b.gpkg"
    run(registry, "importcoordinates", {"INPUT": str(source), "CRS": "EPSG:4547", "OUTPUT": str(out)})
    assert features(out)[0].crs().authid() == "EPSG:4547"


def test_import_into_a_database_creates_then_finds_unchanged_then_updates(registry, received, tmp_path):
    database = create_database(tmp_path / "county.gpkg", 4526)
    parameters = {"INPUT": str(received), "DATABASE": database, "OUTPUT": str(tmp_path / "o1.gpkg")}
    results = run(registry, "importcoordinates", parameters)
    assert (results["CREATED"], results["UPDATED"], results["UNCHANGED"]) == (4, 0, 0)
    results = run(registry, "importcoordinates", {**parameters, "OUTPUT": str(tmp_path / "o2.gpkg")})
    assert (results["CREATED"], results["UPDATED"], results["UNCHANGED"]) == (0, 0, 4)
    text = (received / "青山.txt").read_bytes().decode("gbk").replace("XY003=3,3851102.90", "XY003=3,3851112.90")
    (received / "青山.txt").write_bytes(text.encode("gbk"))
    results = run(registry, "importcoordinates", {**parameters, "OUTPUT": str(tmp_path / "o3.gpkg")})
    assert (results["CREATED"], results["UPDATED"], results["UNCHANGED"]) == (0, 1, 3)
    store = open_database(database)
    assert len(list_license_nos(store)) == 4
    assert [h["boundary_version"] for h in history(store, "C4107002020127130150001")] == [1]


def test_a_licence_the_database_refuses_stores_nothing(registry, received, tmp_path):
    database = create_database(tmp_path / "county.gpkg", 4526)
    algorithm = registry.createAlgorithmById(f"{PROVIDER_ID}:importcoordinates")
    (received / "zz_老图.txt").write_text(XIAN80, encoding="gbk")
    with pytest.raises(QgsProcessingException, match="Nothing was stored"):
        algorithm.run({"INPUT": str(received / "zz_老图.txt"), "DATABASE": database, "OUTPUT": str(tmp_path / "o.gpkg")},
                      QgsProcessingContext(), QgsProcessingFeedback(), {}, False)
    assert list_license_nos(open_database(database)) == []
    assert not (tmp_path / "o.gpkg").exists()  # the store refuses before the output is written


def test_a_refused_import_leaves_an_existing_output_as_it_was(registry, received, tmp_path):
    database = create_database(tmp_path / "county.gpkg", 4526)
    out = tmp_path / "o.gpkg"
    run(registry, "importcoordinates", {"INPUT": str(received / "青山.txt"), "OUTPUT": str(out)})
    before = out.read_bytes()
    (received / "zz_老图.txt").write_text(XIAN80, encoding="gbk")
    algorithm = registry.createAlgorithmById(f"{PROVIDER_ID}:importcoordinates")
    with pytest.raises(QgsProcessingException, match="Nothing was stored"):
        algorithm.run({"INPUT": str(received / "zz_老图.txt"), "DATABASE": database, "OUTPUT": str(out)},
                      QgsProcessingContext(), QgsProcessingFeedback(), {}, False)
    assert out.read_bytes() == before and list_license_nos(open_database(database)) == []


def test_a_geographic_crs_for_metre_coordinates_is_refused_before_anything_is_written(registry, received, tmp_path):
    algorithm = registry.createAlgorithmById(f"{PROVIDER_ID}:importcoordinates")
    out = tmp_path / "o.gpkg"
    with pytest.raises(QgsProcessingException, match=r"青山\.txt.*EPSG:4490.*geographic.*EPSG:4526"):
        algorithm.run({"INPUT": str(received / "青山.txt"), "CRS": "EPSG:4490", "OUTPUT": str(out)},
                      QgsProcessingContext(), QgsProcessingFeedback(), {}, False)
    assert not out.exists()
    # a folder: every file is refused by name, nothing is written
    feedback = RecordingFeedback()
    with pytest.raises(QgsProcessingException, match="No file could be imported"):
        algorithm.run({"INPUT": str(received), "CRS": "EPSG:4490", "OUTPUT": str(out)},
                      QgsProcessingContext(), feedback, {}, False)
    assert not out.exists()
    assert len(feedback.errors) == 3 and all("EPSG:4490" in e for e in feedback.errors)
    for name in ("东沟南山.csv", "西岭.txt", "青山.txt"):
        assert any(name in e for e in feedback.errors)


def test_conflicting_duplicates_are_refused_identical_ones_imported_once(registry, received, tmp_path):
    text = (received / "青山.txt").read_bytes().decode("gbk")
    (received / "青山_重复.txt").write_bytes(text.encode("gbk"))
    (received / "青山_改.txt").write_bytes(text.replace("XY003=3,3851102.90", "XY003=3,3851112.90").encode("gbk"))
    database = create_database(tmp_path / "county.gpkg", 4526)
    feedback = RecordingFeedback()
    out = tmp_path / "o.gpkg"
    results = run(registry, "importcoordinates", {"INPUT": str(received), "DATABASE": database, "OUTPUT": str(out)},
                  feedback)
    conflict = [e for e in feedback.errors if "C4107002020127130150001" in e]
    assert len(conflict) == 3  # one per file holding a copy
    assert all("青山.txt" in e and "青山_改.txt" in e and "boundary" in e and "not imported" in e for e in conflict)
    _, rows = features(out)
    assert "C4107002020127130150001" not in {f["license_no"] for f in rows}
    assert len({(f["license_no"], f["parcel_no"]) for f in rows}) == len(rows)  # no licence twice
    assert results["LICENCES"] == 3 and results["CREATED"] == 3 and results["FILES_REFUSED"] == 3
    assert "C4107002020127130150001" not in list_license_nos(open_database(database))
    # identical copies only: imported once, with a note naming the copy
    (received / "青山_改.txt").unlink()
    feedback = RecordingFeedback()
    out = tmp_path / "o2.gpkg"
    results = run(registry, "importcoordinates", {"INPUT": str(received), "OUTPUT": str(out)}, feedback)
    assert feedback.errors == [] and results["LICENCES"] == 4
    assert any("青山_重复.txt" in w and "identical" in w for w in feedback.warnings)
    _, rows = features(out)
    assert [f["parcel_no"] for f in rows if f["license_no"] == "C4107002020127130150001"] == ["1", "2"]


def test_an_invalid_licensed_area_is_stored_empty_not_as_infinity(registry, received, tmp_path):
    path = received / "青山.txt"
    text = path.read_bytes().decode("gbk")
    assert "矿区面积=" in text
    text = "\n".join("矿区面积=1e400" if line.startswith("矿区面积=") else line for line in text.split("\n"))
    path.write_bytes(text.encode("gbk"))
    database = create_database(tmp_path / "county.gpkg", 4526)
    feedback = RecordingFeedback()
    run(registry, "importcoordinates", {"INPUT": str(path), "DATABASE": database, "OUTPUT": str(tmp_path / "o.gpkg")},
        feedback)
    assert any("矿区面积" in w and "invalid" in w and "1e400" in w for w in feedback.warnings)
    assert read_licence(open_database(database), "C4107002020127130150001").licensed_area_km2 is None


@pytest.mark.parametrize("export_format, pattern", [(0, "*_exchange.txt"), (1, "*_registration.txt"), (2, "*.csv")])
def test_export_then_import_gives_identical_coordinates(registry, received, tmp_path, export_format, pattern):
    database = create_database(tmp_path / "county.gpkg", 4526)
    run(registry, "importcoordinates", {"INPUT": str(received), "DATABASE": database, "OUTPUT": str(tmp_path / "o.gpkg")})
    folder = tmp_path / "export"
    results = run(registry, "exportcoordinates", {"DATABASE": database, "FORMAT": export_format, "OUTPUT_FOLDER": str(folder)})
    files = sorted(folder.glob(pattern))
    assert results["FILE_COUNT"] == len(files) == (4 if export_format != 2 else 2)  # CSV: one per CRS (4526, 4547)
    assert results["LICENCE_COUNT"] == 4
    store = open_database(database)
    exported = [lic for path in files for lic in read_coordinate_file(path).licences]
    assert sorted(lic.license_no for lic in exported) == list_license_nos(store)
    for licence in exported:
        assert corner_set(licence) == corner_set(read_licence(store, licence.license_no))
    # And the export imports back as the same licences.
    results = run(registry, "importcoordinates", {"INPUT": str(folder), "DATABASE": database, "OUTPUT": str(tmp_path / "o2.gpkg")})
    assert results["FILES_REFUSED"] == 0
    if export_format == 2:
        assert results["UNCHANGED"] == 4  # the CSV carries everything


def test_export_some_licences(registry, received, tmp_path):
    database = create_database(tmp_path / "county.gpkg", 4526)
    run(registry, "importcoordinates", {"INPUT": str(received), "DATABASE": database, "OUTPUT": str(tmp_path / "o.gpkg")})
    folder = tmp_path / "export"
    results = run(registry, "exportcoordinates", {
        "DATABASE": database, "FORMAT": 1, "OUTPUT_FOLDER": str(folder),
        "LICENSE_NO": "C4107002020127130150001， C4107002020127130150003",
    })
    assert results["FILE_COUNT"] == 2
    assert sorted(p.name for p in folder.iterdir()) == [
        "C4107002020127130150001_registration.txt", "C4107002020127130150003_registration.txt",
    ]
    algorithm = registry.createAlgorithmById(f"{PROVIDER_ID}:exportcoordinates")
    with pytest.raises(QgsProcessingException, match="C000"):
        algorithm.run({"DATABASE": database, "FORMAT": 0, "OUTPUT_FOLDER": str(folder), "LICENSE_NO": "C000"},
                      QgsProcessingContext(), QgsProcessingFeedback(), {}, False)
