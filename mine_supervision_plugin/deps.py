"""Optional Python dependencies: what is missing, what it disables, what to install."""

from __future__ import annotations

import importlib
import importlib.metadata
import importlib.util
import sys
from dataclasses import dataclass

from .i18n import tr

# pip names of the packages, and the feature groups that need each.
REQUIREMENTS = {
    "shapely": ("shapely>=2", "analysis"),
    "geopandas": ("geopandas", "analysis"),
    "reportlab": ("reportlab", "documents"),
}


@dataclass
class DependencyReport:
    """Which optional packages are missing and which feature groups that disables."""

    missing: list[str]

    @property
    def disabled_features(self) -> set[str]:
        return {REQUIREMENTS[name][1] for name in self.missing}

    def available(self, feature: str | None) -> bool:
        return feature is None or feature not in self.disabled_features

    def install_hint(self) -> str:
        pip_names = " ".join(f'"{REQUIREMENTS[name][0]}"' for name in self.missing)
        return tr(
            "Missing Python packages: {names}. Analysis and documents that need them are disabled. "
            "Install them into QGIS's Python (Windows: OSGeo4W Shell; Linux/macOS: a terminal) with: "
            "python3 -m pip install {pip_names} — then restart QGIS."
        ).format(names=", ".join(self.missing), pip_names=pip_names)


def _version_of(module_name: str) -> str | None:
    module = sys.modules.get(module_name)
    if module is not None:
        return str(getattr(module, "__version__", "") or "") or None
    try:
        return importlib.metadata.version(module_name)
    except importlib.metadata.PackageNotFoundError:
        return None


def _usable(module_name: str) -> bool:
    """Whether ``module_name`` is installed (and new enough), found without importing it.

    Importing geopandas costs about half a second, and a broken install can
    take the whole process down: QGIS must not pay either at start-up. The
    package is imported when a feature first needs it.
    """
    if module_name in sys.modules:
        if sys.modules[module_name] is None:  # import blocked
            return False
    else:
        try:
            if importlib.util.find_spec(module_name) is None:
                return False
        except (ImportError, ValueError):
            return False
    if module_name == "shapely":
        version = _version_of(module_name)
        if version is None:  # installed without metadata: ask the module itself
            try:
                version = str(importlib.import_module(module_name).__version__)
            except (ImportError, AttributeError):
                return False
        major = version.split(".")[0]
        return major.isdigit() and int(major) >= 2
    return True


def check_dependencies() -> DependencyReport:
    """Report which optional packages are missing or too old (without importing them)."""
    return DependencyReport([name for name in REQUIREMENTS if not _usable(name)])
