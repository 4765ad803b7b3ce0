"""Key monitoring zones (重点监测矿区): which zones are in force in a year.

The key monitoring zone list is adjusted yearly (seed 002): each zone carries
the year of the list it belongs to, or no year when it belongs to every list.
A patch is judged against the list of its own year, or the latest earlier one
when that year's list has not been entered yet. This is the one statement of
that rule: the single-patch pre-judgment (draw tool) and the database
pre-judgment both ask it.
"""

from __future__ import annotations

from collections.abc import Iterable


def list_year_in_force(list_years: Iterable, year: int) -> int | None:
    """The year of the zone list in force in ``year``: the latest list year up to ``year``.

    ``list_years`` are the zones' years (blanks, None or NaN are skipped); None
    when no list is that old (only the zones without a year are in force then).
    """
    years = [value for value in map(as_list_year, list_years) if value is not None and value <= int(year)]
    return max(years) if years else None


def as_list_year(value) -> int | None:
    """A zone's list year as an int; None when blank (None, "", NaN, pandas' NA)."""
    if value is None:
        return None
    if isinstance(value, str):
        value = value.strip()
        if not value:
            return None
    try:
        number = float(value)
    except (TypeError, ValueError):  # pandas' NA, NaT
        return None
    return None if number != number else int(number)


def zone_in_force(zone_year, list_year: int | None) -> bool:
    """Is a zone of list ``zone_year`` (None: of every list) in force when the list of ``list_year`` is?"""
    zone_year = as_list_year(zone_year)
    return zone_year is None or (list_year is not None and zone_year == int(list_year))


def zones_in_force_mask(zone_years: Iterable, year: int) -> list[bool]:
    """For each zone (given by the year of its list): is it in force in ``year``?"""
    zone_years = list(zone_years)
    list_year = list_year_in_force(zone_years, year)
    return [zone_in_force(value, list_year) for value in zone_years]
