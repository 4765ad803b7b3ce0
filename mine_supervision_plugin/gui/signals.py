"""Signal connections a widget makes to objects outside itself, undone when it shuts down."""

from __future__ import annotations

import contextlib


def disconnect_all(connections: list) -> None:
    """Disconnect every ``(signal, slot)`` pair of ``connections``, latest first, and empty the list.

    A pair whose sender is already gone (or was disconnected elsewhere) is
    skipped: shutting down must not fail half-way.
    """
    for signal, slot in reversed(connections):
        with contextlib.suppress(TypeError, RuntimeError):
            signal.disconnect(slot)
    connections.clear()
