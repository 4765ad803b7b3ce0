"""Optional Python dependencies: what is missing, what it disables, what to install.

Inside QGIS, QGIS's own GEOS is loaded before any Python package. A shapely whose compiled
code was built for another GEOS (the PyPI wheel bundles its own) then runs against QGIS's
and fails in the middle of an import. So shapely counts as usable only when it is linked to
the GEOS that QGIS uses.
"""

from __future__ import annotations

import importlib
import importlib.metadata
import importlib.util
import sys
from dataclasses import dataclass, field
from pathlib import Path

from .i18n import tr

# pip names of the packages, and the feature groups that need each.
REQUIREMENTS = {
    "shapely": ("shapely==2.1.2", "analysis"),
    "geopandas": ("geopandas==1.0.1", "analysis"),
    "reportlab": ("reportlab==4.2.5", "documents"),
}

INSTALL_FOLDER = Path(__file__).resolve().parent / "install"


@dataclass
class DependencyReport:
    """Which optional packages are missing or unusable, and which feature groups that disables."""

    missing: list[str]
    # package -> why an installed package cannot be used (e.g. built for another GEOS)
    problems: dict[str, str] = field(default_factory=dict)

    @property
    def disabled_features(self) -> set[str]:
        return {REQUIREMENTS[name][1] for name in self.missing}

    def available(self, feature: str | None) -> bool:
        return feature is None or feature not in self.disabled_features

    def install_hint(self) -> str:
        """One message: what is wrong, what it disables and the exact command that fixes it."""
        why = " ".join(self.problems[name] for name in self.missing if name in self.problems)
        absent = [name for name in self.missing if name not in self.problems]
        parts = []
        if absent:
            parts.append(tr("Missing Python packages: {names}.").format(names=", ".join(absent)))
        if why:
            parts.append(why)
        names = {"analysis": tr("imports, pre-judgment and drawing"), "documents": tr("PDF documents")}
        disabled = ", ".join(names[feature] for feature in sorted(self.disabled_features))
        parts.append(tr("Disabled until then: {features}.").format(features=disabled))
        parts.append(install_command())
        return " ".join(parts)


def install_command() -> str:
    """The platform's install instruction for the plugin's packages."""
    if sys.platform.startswith("win"):
        pins = " ".join(REQUIREMENTS[name][0] for name in ("geopandas", "reportlab")) + " packaging==24.2"
        return tr(
            "In the OSGeo4W Shell of this QGIS run: python -m pip install --no-deps {pins} "
            "(shapely 2 and pyproj must be the ones OSGeo4W ships) — then restart QGIS."
        ).format(pins=pins)
    return tr(
        "In a terminal run: sh \"{script}\" (it builds shapely against the system's GEOS, as QGIS needs) "
        "— then restart QGIS."
    ).format(script=INSTALL_FOLDER / "install_debian.sh")


def _version_of(module_name: str) -> str | None:
    module = sys.modules.get(module_name)
    if module is not None:
        return str(getattr(module, "__version__", "") or "") or None
    try:
        return importlib.metadata.version(module_name)
    except importlib.metadata.PackageNotFoundError:
        return None


def _installed(module_name: str) -> bool:
    """Whether ``module_name`` can be found, without importing it.

    Importing geopandas costs about half a second, and a broken install can
    take the whole process down: QGIS must not pay either at start-up. The
    package is imported when a feature first needs it.
    """
    if module_name in sys.modules:
        return sys.modules[module_name] is not None  # None: import blocked
    try:
        return importlib.util.find_spec(module_name) is not None
    except (ImportError, ValueError):
        return False


def qgis_geos_version() -> str:
    """The GEOS version QGIS runs with, as "3.11.1"."""
    from qgis.core import Qgis

    return Qgis.geosVersion().split("-")[0]


def shapely_problem(qgis_geos: str | None = None) -> str | None:
    """Why the installed shapely cannot be used inside this QGIS, or None when it can.

    shapely must be 2.x and built for the GEOS that QGIS has loaded (``qgis_geos``,
    default: this process's QGIS). Importing shapely is cheap (numpy is loaded by QGIS's
    Processing anyway); it is the only way to learn which GEOS it was built for.
    """
    version = _version_of("shapely")
    if version is None:
        try:
            version = str(importlib.import_module("shapely").__version__)
        except (ImportError, AttributeError):
            return tr("shapely cannot be imported.")
    major = version.split(".")[0]
    if not (major.isdigit() and int(major) >= 2):
        return tr("shapely {version} is installed; the plugin needs shapely 2.").format(version=version)
    try:
        shapely = importlib.import_module("shapely")
        built_for = ".".join(str(part) for part in shapely.geos_version)
    except Exception as error:  # noqa: BLE001 - a broken install can raise anything
        return tr("shapely cannot be imported ({error}).").format(error=error)
    qgis_geos = qgis_geos or qgis_geos_version()
    if built_for != qgis_geos:
        return tr(
            "shapely {version} was built for GEOS {built_for}, but QGIS runs GEOS {qgis_geos} (a shapely from PyPI "
            "brings its own GEOS, which clashes with QGIS's)."
        ).format(version=version, built_for=built_for, qgis_geos=qgis_geos)
    try:
        shapely.to_wkb(shapely.Point(1, 2))
    except Exception as error:  # noqa: BLE001
        return tr("shapely fails with QGIS's GEOS ({error}).").format(error=error)
    return None


def check_dependencies() -> DependencyReport:
    """Report which optional packages are missing, too old or built for another GEOS."""
    missing: list[str] = []
    problems: dict[str, str] = {}
    for name in REQUIREMENTS:
        if not _installed(name):
            missing.append(name)
            continue
        if name == "shapely":
            problem = shapely_problem()
            if problem:
                missing.append(name)
                problems[name] = problem
    return DependencyReport(missing, problems)
