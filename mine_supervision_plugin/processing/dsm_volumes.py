"""minesupervision:dsmvolumes — volumes excavated between two DSMs outside the boundary and below the bottom."""

from __future__ import annotations

from qgis.core import (
    QgsFeatureRequest,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterString,
)

from ..i18n import tr
from ..qgis_values import python_value
from .base import MineSupervisionAlgorithm, processing_errors
from .columns import find_field


class DsmVolumesAlgorithm(MineSupervisionAlgorithm):
    NAME = "dsmvolumes"

    def displayName(self) -> str:  # noqa: N802
        return tr("Volumes excavated between two DSMs")

    def shortHelpString(self) -> str:  # noqa: N802
        return tr(
            "Compares two digital surface models of the same mine (BEFORE and AFTER, GeoTIFF, same CRS) cell by cell: "
            "the ground lowered outside the licensed boundaries of RIGHTS is excavation beyond the boundary; inside, "
            "the part below the licensed bottom elevation (BOTTOM_M, else the lowest depth_bottom_m of RIGHTS) is "
            "excavation below the licensed depth. Gives the volumes in m³ and writes the difference raster (before − "
            "after, m; positive where excavated). LICENCE: only the licence of this number in RIGHTS."
        )

    def initAlgorithm(self, config=None) -> None:  # noqa: N802
        self.addParameter(QgsProcessingParameterRasterLayer("BEFORE", tr("DSM of the earlier round")))
        self.addParameter(QgsProcessingParameterRasterLayer("AFTER", tr("DSM of the later round")))
        self.addParameter(QgsProcessingParameterFeatureSource(
            "RIGHTS", tr("Mining rights (licensed boundaries)"), [QgsProcessing.TypeVectorPolygon]))
        self.addParameter(QgsProcessingParameterString("LICENCE", tr("Licence number (empty: every licence)"),
                                                       optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            "BOTTOM_M", tr("Licensed bottom elevation (m; empty: from RIGHTS)"),
            type=QgsProcessingParameterNumber.Double, optional=True))
        self.addParameter(QgsProcessingParameterRasterDestination("OUTPUT", tr("Difference raster (before − after)")))
        for name, description in (("EXCAVATED_M3", tr("Volume excavated (m³)")),
                                  ("OUTSIDE_M3", tr("Volume excavated outside the boundary (m³)")),
                                  ("BELOW_BOTTOM_M3", tr("Volume excavated below the licensed bottom (m³)")),
                                  ("FILLED_M3", tr("Volume filled (m³)")),
                                  ("OUTSIDE_AREA_M2", tr("Area excavated outside the boundary (m²)"))):
            self.addOutput(QgsProcessingOutputNumber(name, description))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        import shapely

        from ..analysis.dsm_volume import DsmError, dsm_volumes

        before = self.parameterAsRasterLayer(parameters, "BEFORE", context)
        after = self.parameterAsRasterLayer(parameters, "AFTER", context)
        if before is None or after is None:
            raise QgsProcessingException(tr("BEFORE and AFTER must be rasters (GeoTIFF DSMs)."))
        rights = self.parameterAsSource(parameters, "RIGHTS", context)
        if rights is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, "RIGHTS"))
        names = rights.fields().names()
        number_field = find_field(names, "license_no", "licence_no", "许可证号")
        bottom_field = find_field(names, "depth_bottom_m", "开采标高下限", "bottom_m")
        wanted = (self.parameterAsString(parameters, "LICENCE", context) or "").strip()
        if wanted and number_field is None:
            raise QgsProcessingException(tr("The mining rights layer lacks the field license_no."))
        request = QgsFeatureRequest()
        if after.crs().isValid() and rights.sourceCrs() != after.crs():
            request.setDestinationCrs(after.crs(), context.transformContext())  # the licences onto the DSM
        geometries, bottoms = [], []
        for feature in rights.getFeatures(request):
            if wanted and str(python_value(feature[number_field]) or "").strip() != wanted:
                continue
            if feature.hasGeometry():
                geometries.append(shapely.from_wkb(bytes(feature.geometry().asWkb())))
            if bottom_field is not None and python_value(feature[bottom_field]) is not None:
                bottoms.append(float(python_value(feature[bottom_field])))
        if wanted and not geometries:
            raise QgsProcessingException(tr("RIGHTS has no licence {number}.").format(number=wanted))
        bottom = (self.parameterAsDouble(parameters, "BOTTOM_M", context)
                  if parameters.get("BOTTOM_M") not in (None, "") else (min(bottoms) if bottoms else None))
        if bottom is None:
            feedback.pushWarning(tr("No licensed bottom elevation (BOTTOM_M, depth_bottom_m): the volume below it "
                                    "is not measured."))
        output = self.parameterAsOutputLayer(parameters, "OUTPUT", context)
        with processing_errors(DsmError):
            result = dsm_volumes(before.source(), after.source(), geometries, bottom, difference_path=output)
        for warning in result.warnings:
            feedback.pushWarning(warning)
        feedback.pushInfo(tr("Excavated {total:.1f} m³: {outside:.1f} m³ outside the boundary over {area:.0f} m², "
                             "{below:.1f} m³ below the licensed bottom; filled {filled:.1f} m³.").format(
            total=result.excavated_m3, outside=result.outside_m3, area=result.outside_area_m2,
            below=result.below_bottom_m3, filled=result.filled_m3))
        return {"OUTPUT": output, "EXCAVATED_M3": result.excavated_m3, "OUTSIDE_M3": result.outside_m3,
                "BELOW_BOTTOM_M3": result.below_bottom_m3, "FILLED_M3": result.filled_m3,
                "OUTSIDE_AREA_M2": result.outside_area_m2}
