"""Optional Python dependencies: what is missing, what it disables, what to install."""

from __future__ import annotations

import importlib
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


def _usable(module_name: str) -> bool:
    try:
        module = importlib.import_module(module_name)
    except ImportError:
        return False
    if module_name == "shapely":
        major = str(getattr(module, "__version__", "0")).split(".")[0]
        return major.isdigit() and int(major) >= 2
    return True


def check_dependencies() -> DependencyReport:
    """Import each optional package once and report what is missing or too old."""
    return DependencyReport([name for name in REQUIREMENTS if not _usable(name)])
