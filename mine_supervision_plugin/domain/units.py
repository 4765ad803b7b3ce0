"""Units and how numbers are written (pure Python, no shapely: GUI modules may import it at start-up).

Areas are in m² and 亩 (1 亩 = 2000/3 m²); the ministry quotes licence areas
in km² to 4 decimals. Coordinates are written with 2 decimals at least
(DESIGN §3: "coordinates to 2 decimals"), as licences give them; a value that
carries more (some files give millimetres) keeps them, so that what is shown
or exported reads back identical.
"""

from __future__ import annotations

__all__ = ["COORDINATE_DECIMALS", "M2_PER_KM2", "M2_PER_MU", "MU_PER_M2", "format_coordinate"]

MU_PER_M2 = 3 / 2000  # 1 亩 = 2000/3 m²
M2_PER_MU = 2000 / 3
M2_PER_KM2 = 1_000_000.0
COORDINATE_DECIMALS = 2


def format_coordinate(value) -> str:
    """A coordinate as text: at least 2 decimals, more only when the value carries them; '' for None.

    Never in scientific notation for coordinates (3851234.5 → '3851234.50',
    38512345.678 → '38512345.678').
    """
    if value is None:
        return ""
    value = float(value)
    for decimals in range(COORDINATE_DECIMALS, 10):
        text = f"{value:.{decimals}f}"
        if float(text) == value:
            return text
    return repr(value)
