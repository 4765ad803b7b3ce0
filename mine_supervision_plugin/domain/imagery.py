"""Imagery dates: which raster is the before / after image of a patch (pure Python, no QGIS).

A raster's acquisition date and its role (前时相 / 后时相) are read from texts
(its name, file name, metadata) by :func:`date_in_text` and
:func:`role_in_text`; :func:`choose_imagery` picks, for a patch's before and
after dates, the best of the described rasters. The imagery viewer
(:mod:`..gui.imagery_compare`) describes QGIS layers with these and shows the
choice.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from typing import TypeVar

from .dates import to_date

#: Imagery more than this many days away from the patch's date is not picked automatically.
PICK_WINDOW_DAYS = 183

_DATE_IN_TEXT = re.compile(
    r"(?<!\d)((?:19|20)\d{2})(?:[-_.:/年]?)(0[1-9]|1[0-2])(?:[-_.:/月]?)(0[1-9]|[12]\d|3[01])(?:日)?(?!\d)"
)
_BEFORE_WORDS = ("before", "前时相", "qsx", "_pre", "-pre")
_AFTER_WORDS = ("after", "后时相", "hsx", "_post", "-post")

Layer = TypeVar("Layer")


def date_in_text(text: str) -> dt.date | None:
    """The first plausible date written in ``text`` (2025-10-15, 20251015, 2025_10_15, 2025年10月15日…)."""
    for match in _DATE_IN_TEXT.finditer(text or ""):
        try:
            return dt.date(*(int(part) for part in match.groups()))
        except ValueError:
            continue
    return None


def role_in_text(text: str) -> str | None:
    """``"after"`` or ``"before"`` when ``text`` (a layer's name and file name) marks the image so, else None."""
    text = (text or "").lower()
    if any(word in text for word in _AFTER_WORDS):
        return "after"
    if any(word in text for word in _BEFORE_WORDS):
        return "before"
    return None


def as_imagery_date(value) -> dt.date | None:
    """A date from a date, QDate, date text, or a text holding one (a layer's name)."""
    if value is None:
        return None
    return to_date(value) or date_in_text(str(value))


def choose_imagery(
    described: Iterable[tuple[Layer, dt.date | None, str | None]],
    date_before,
    date_after,
    name: Callable[[Layer], str] = str,
) -> tuple[Layer | None, Layer | None]:
    """The (before, after) images for a patch's dates, from ``(layer, date, role)`` descriptions.

    A layer whose date equals the patch's date wins; else the layer whose
    date is nearest (within :data:`PICK_WINDOW_DAYS`), preferring one marked
    for that role, then by ``name``; else a layer marked before / after when
    only one is. Never the same layer for both.
    """
    described = list(described)
    wanted = {"before": as_imagery_date(date_before), "after": as_imagery_date(date_after)}
    chosen: dict[str, Layer | None] = {"before": None, "after": None}
    for role in ("after", "before"):
        target = wanted[role]
        taken = [c for c in chosen.values() if c is not None]
        candidates = [(layer, date, mark) for layer, date, mark in described if layer not in taken]
        if target is not None:
            dated = [(abs((date - target).days), mark != role, layer) for layer, date, mark in candidates if date]
            dated = [item for item in dated if item[0] <= PICK_WINDOW_DAYS]
            if dated:
                dated.sort(key=lambda item: (item[0], item[1], name(item[2])))
                chosen[role] = dated[0][2]
                continue
        marked = [layer for layer, _date, mark in candidates if mark == role]
        if len(marked) == 1:
            chosen[role] = marked[0]
    return chosen["before"], chosen["after"]
