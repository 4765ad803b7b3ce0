"""Docks that read the database reload lazily: several triggers in a row give one reload, a hidden dock reloads
when it is next shown."""

from __future__ import annotations

from qgis.PyQt.QtCore import QTimer


class LazyReloadMixin:
    """For a dock with ``reload()`` and ``_shut_down``; call :meth:`_init_lazy_reload` in ``__init__``."""

    def _init_lazy_reload(self) -> None:
        self._dirty = True  # a reload is due when the dock is next shown
        self._reload_timer = QTimer(self)
        self._reload_timer.setSingleShot(True)
        self._reload_timer.setInterval(0)
        self._reload_timer.timeout.connect(self.reload)

    def schedule_reload(self, *_args) -> None:
        """Reload soon (several triggers in a row give one reload); a hidden dock reloads when shown."""
        if self._shut_down:
            return
        if not self.isVisible():
            self._dirty = True
            return
        self._reload_timer.start()

    def showEvent(self, event):  # noqa: N802
        super().showEvent(event)
        if self._dirty and not self._shut_down:
            self._reload_timer.start()
