"""Volumes excavated between two surveys from their digital surface models (DSM, GeoTIFF), cell by cell.

Two rounds of a drone or surveyed DSM of the same mine: the ground lowered by
``before - after`` in each cell (metres). Per cell of the later DSM's grid:

* outside the licensed boundary (its cell centre outside every licence given):
  the whole lowering is excavation beyond the boundary (越界);
* inside, the lowering below the licensed bottom elevation: from
  ``min(before, bottom)`` down to ``after`` (越层);

each times the cell's area gives m³. The difference raster (``before - after``,
metres, positive where excavated, nodata where either DSM has none) is written
as a GeoTIFF the technician can look at.

GDAL (osgeo) and numpy only; the earlier DSM is resampled onto the later one's
grid (bilinear) when the grids differ. Refused with a message naming the file:
a DSM without a CRS or in another CRS than the other DSM, DSMs that do not
overlap, a DSM that is not a raster.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import shapely

from ..i18n import tr


class DsmError(ValueError):
    """A DSM that cannot be used, worded for the user (the file named)."""


@dataclass
class DsmVolumes:
    """What :func:`dsm_volumes` measured (m³, m²) and wrote."""

    excavated_m3: float = 0.0
    filled_m3: float = 0.0
    outside_m3: float = 0.0
    below_bottom_m3: float = 0.0
    outside_area_m2: float = 0.0
    below_bottom_area_m2: float = 0.0
    cell_area_m2: float = 0.0
    cells: int = 0
    difference_path: str | None = None
    warnings: list[str] = field(default_factory=list)


def _open(path: str | Path):
    from osgeo import gdal

    gdal.UseExceptions()
    try:
        dataset = gdal.Open(str(path))
    except RuntimeError as error:
        raise DsmError(tr("{file} is not a raster GDAL can read: {reason}").format(file=Path(path).name,
                                                                                reason=error)) from error
    if dataset is None or dataset.RasterCount < 1:
        raise DsmError(tr("{file} is not a raster GDAL can read.").format(file=Path(path).name))
    if not dataset.GetProjection():
        raise DsmError(tr("{file} has no coordinate reference system: assign it before comparing.").format(
            file=Path(path).name))
    return dataset


def _values(dataset) -> np.ndarray:
    band = dataset.GetRasterBand(1)
    values = band.ReadAsArray().astype(float)
    nodata = band.GetNoDataValue()
    if nodata is not None:
        values[values == nodata] = np.nan
    return values


def _bounds(dataset) -> tuple[float, float, float, float]:
    x0, dx, _, y0, _, dy = dataset.GetGeoTransform()
    xs = (x0, x0 + dx * dataset.RasterXSize)
    ys = (y0, y0 + dy * dataset.RasterYSize)
    return min(xs), min(ys), max(xs), max(ys)


def dsm_volumes(before: str | Path, after: str | Path, licences, bottom_m: float | None = None, *,
                difference_path: str | Path | None = None, licences_epsg: int | None = None) -> DsmVolumes:
    """Volumes excavated from ``before`` to ``after`` outside ``licences`` (shapely polygons, the DSMs' CRS) and
    below ``bottom_m``; the difference raster written to ``difference_path`` when given."""
    from osgeo import gdal, osr

    first, second = _open(before), _open(after)
    crs_a, crs_b = osr.SpatialReference(), osr.SpatialReference()
    crs_a.ImportFromWkt(first.GetProjection())
    crs_b.ImportFromWkt(second.GetProjection())
    if not crs_a.IsSame(crs_b):
        raise DsmError(tr("{after} is in {crs_after}, {before} in {crs_before}: reproject one DSM to the other's "
                          "CRS.").format(after=Path(after).name, crs_after=crs_b.GetName(), before=Path(before).name,
                                         crs_before=crs_a.GetName()))
    if licences_epsg is not None:
        wanted = osr.SpatialReference()
        wanted.ImportFromEPSG(int(licences_epsg))
        if not wanted.IsSame(crs_b):
            raise DsmError(tr("{after} is in {crs}, the licences in EPSG:{epsg}: reproject the DSMs to the "
                              "database's CRS.").format(after=Path(after).name, crs=crs_b.GetName(),
                                                        epsg=licences_epsg))
    a, b = _bounds(first), _bounds(second)
    if a[0] >= b[2] or b[0] >= a[2] or a[1] >= b[3] or b[1] >= a[3]:
        raise DsmError(tr("{before} and {after} do not overlap: they are not DSMs of the same place.").format(
            before=Path(before).name, after=Path(after).name))
    transform = second.GetGeoTransform()
    width, height = second.RasterXSize, second.RasterYSize
    if first.GetGeoTransform() != transform or (first.RasterXSize, first.RasterYSize) != (width, height):
        warped = gdal.Warp("", first, format="MEM", outputBounds=_bounds(second), width=width, height=height,
                           resampleAlg="bilinear", dstNodata=-9999.0)
        earlier = _values(warped)
        warped = None
    else:
        earlier = _values(first)
    later = _values(second)
    lowered = earlier - later  # positive: excavated
    x0, dx, _, y0, _, dy = transform
    cell = abs(dx * dy)
    cols, rows = np.meshgrid(np.arange(width), np.arange(height))
    cx, cy = x0 + (cols + 0.5) * dx, y0 + (rows + 0.5) * dy
    inside = np.zeros(lowered.shape, dtype=bool)
    polygons = [g for g in (licences or []) if g is not None and not shapely.is_empty(g)]
    if polygons:
        area = shapely.union_all(polygons)
        shapely.prepare(area)
        inside = shapely.contains_xy(area, cx, cy)
    valid = ~np.isnan(lowered)
    result = DsmVolumes(cell_area_m2=cell, cells=int(valid.sum()))
    if not valid.any():
        result.warnings.append(tr("{before} and {after} have no cell with an elevation in both.").format(
            before=Path(before).name, after=Path(after).name))
    dug = np.where(valid & (lowered > 0), lowered, 0.0)
    result.excavated_m3 = float(dug.sum() * cell)
    result.filled_m3 = float(np.where(valid & (lowered < 0), -lowered, 0.0).sum() * cell)
    outside = valid & ~inside & (dug > 0)
    result.outside_m3 = float(dug[outside].sum() * cell)
    result.outside_area_m2 = float(outside.sum() * cell)
    if bottom_m is not None and not np.isnan(bottom_m):
        below = np.where(valid & inside, np.minimum(earlier, bottom_m) - later, 0.0)
        below = np.where(below > 0, below, 0.0)
        result.below_bottom_m3 = float(below.sum() * cell)
        result.below_bottom_area_m2 = float((below > 0).sum() * cell)
    if difference_path is not None:
        path = Path(difference_path)
        path.parent.mkdir(parents=True, exist_ok=True)
        out = gdal.GetDriverByName("GTiff").Create(str(path), width, height, 1, gdal.GDT_Float32,
                                                   ["COMPRESS=DEFLATE", "TILED=YES"])
        out.SetGeoTransform(transform)
        out.SetProjection(second.GetProjection())
        band = out.GetRasterBand(1)
        band.SetNoDataValue(-9999.0)
        band.SetDescription("before - after (m)")
        band.WriteArray(np.where(valid, lowered, -9999.0).astype(np.float32))
        band.FlushCache()
        out = band = None
        result.difference_path = str(path)
    first = second = None
    return result
