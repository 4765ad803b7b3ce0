"""DSM volumes (analysis.dsm_volume): small real GeoTIFFs written with GDAL, every volume known in advance."""

from __future__ import annotations

import numpy as np
import pytest
import shapely
from osgeo import gdal, osr

from mine_supervision_plugin.analysis.dsm_volume import DsmError, dsm_volumes

X0, Y0 = 38_500_000.0, 4_000_020.0  # top-left corner; 1 m cells, 20 x 20
LICENCE = shapely.box(X0, Y0 - 20, X0 + 10, Y0)  # the west half


def tiff(path, values, epsg=4526, origin=(X0, Y0), size=1.0, nodata=None):
    out = gdal.GetDriverByName("GTiff").Create(str(path), values.shape[1], values.shape[0], 1, gdal.GDT_Float32)
    out.SetGeoTransform((origin[0], size, 0, origin[1], 0, -size))
    if epsg:
        srs = osr.SpatialReference()
        srs.ImportFromEPSG(epsg)
        out.SetProjection(srs.ExportToWkt())
    band = out.GetRasterBand(1)
    if nodata is not None:
        band.SetNoDataValue(nodata)
    band.WriteArray(values)
    out = band = None
    return path


@pytest.fixture
def rounds(tmp_path):
    before = np.full((20, 20), 100.0)
    after = before.copy()
    after[2:6, 2:6] = 95.0  # inside: 5 m down, 2 m of it below the licensed bottom (97 m)
    after[0:20, 12:18] = 98.0  # beyond the boundary: 2 m down over 20 x 6 cells
    after[19, 0] = 101.0  # a heap: filled, not excavated
    return tiff(tmp_path / "dsm_2026-1.tif", before), tiff(tmp_path / "dsm_2026-2.tif", after)


def test_volumes_outside_the_boundary_and_below_the_licensed_bottom_cell_by_cell(rounds, tmp_path):
    before, after = rounds
    result = dsm_volumes(before, after, [LICENCE], 97.0, difference_path=tmp_path / "out" / "difference.tif")
    assert result.cell_area_m2 == 1.0 and result.cells == 400
    assert result.outside_m3 == pytest.approx(20 * 6 * 2.0) and result.outside_area_m2 == 120.0
    assert result.below_bottom_m3 == pytest.approx(16 * 2.0) and result.below_bottom_area_m2 == 16.0
    assert result.excavated_m3 == pytest.approx(16 * 5.0 + 240.0) and result.filled_m3 == pytest.approx(1.0)
    written = gdal.Open(result.difference_path)
    values = written.GetRasterBand(1).ReadAsArray()
    assert values[3, 3] == 5.0 and values[10, 15] == 2.0 and values[19, 0] == -1.0 and values[10, 8] == 0.0
    assert written.GetGeoTransform() == (X0, 1.0, 0.0, Y0, 0.0, -1.0)


def test_a_coarser_earlier_dsm_is_resampled_onto_the_later_grid_and_nodata_skipped(rounds, tmp_path):
    _, after = rounds
    coarse = tiff(tmp_path / "coarse.tif", np.full((10, 10), 100.0), size=2.0)
    dataset = gdal.Open(str(after))
    holes = dataset.GetRasterBand(1).ReadAsArray()
    dataset = None
    holes[0, :] = -9999.0
    patchy = tiff(tmp_path / "patchy.tif", holes, nodata=-9999.0)
    result = dsm_volumes(coarse, patchy, [LICENCE], 97.0)
    assert result.cells == 380 and result.outside_m3 == pytest.approx(19 * 6 * 2.0)


def test_bad_dsms_are_refused_by_name(rounds, tmp_path):
    before, after = rounds
    other = tiff(tmp_path / "xian80.tif", np.full((20, 20), 100.0), epsg=2362)
    with pytest.raises(DsmError, match="xian80.tif"):
        dsm_volumes(other, after, [LICENCE])
    far = tiff(tmp_path / "far.tif", np.full((20, 20), 100.0), origin=(X0 + 5000, Y0))
    with pytest.raises(DsmError, match="far.tif.*do not overlap|do not overlap"):
        dsm_volumes(far, after, [LICENCE])
    bare = tiff(tmp_path / "bare.tif", np.full((20, 20), 100.0), epsg=None)
    with pytest.raises(DsmError, match="bare.tif has no coordinate reference system"):
        dsm_volumes(bare, after, [LICENCE])
    (tmp_path / "notes.tif").write_text("not a raster")
    with pytest.raises(DsmError, match="notes.tif"):
        dsm_volumes(tmp_path / "notes.tif", after, [LICENCE])
    with pytest.raises(DsmError, match="EPSG:4527"):
        dsm_volumes(before, after, [LICENCE], licences_epsg=4527)
