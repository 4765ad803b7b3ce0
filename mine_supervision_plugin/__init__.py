"""Mine supervision plugin for QGIS."""


def classFactory(iface):  # noqa: N802 (QGIS's name)
    """QGIS entry point."""
    from .plugin import MineSupervisionPlugin

    return MineSupervisionPlugin(iface)
