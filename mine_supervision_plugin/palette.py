"""The colours of the plugin's vocabularies, in one place: styles, docks and (later) documents.

Plain ``#rrggbb`` strings keyed by vocabulary code (see :mod:`.domain.vocab`),
so anything can use them: ``tools/build_styles.py`` writes them into the layer
styles (``resources/styles/*.qml``), the docks wrap them in ``QColor``, and
the documents of :mod:`.reports` will give them to reportlab. Change a colour
here and run ``python tools/build_styles.py`` to carry it into the styles.

Each palette has one role: a strong colour for the map (outlines, symbols), a
light tint for a table cell's background, a text colour on that tint.
"""

from __future__ import annotations

#: Colour of a feature with no (or an unknown) vocabulary value, on the map.
NO_VALUE = "#9e9e9e"
#: Default label text on the map and strong text on a tinted table cell.
LABEL_TEXT = "#202020"

# --- pre-judgment classes (vocabulary ``prejudgment``) -----------------------------------------

#: On the map: the ``patches`` layer style, categorised by pre-judgment.
PREJUDGMENT = {
    "within_licence": "#2e7d32",
    "out_of_bounds": "#ef6c00",
    "expired_licence": "#6a1b9a",
    "unlicensed": "#c62828",
}
#: Background of the pre-judgment cell in the patches list.
PREJUDGMENT_TINTS = {
    "within_licence": "#c8e6c0",
    "expired_licence": "#fbe6a0",
    "out_of_bounds": "#f9c58e",
    "unlicensed": "#f4a6a6",
}
#: Text of the pre-judgment shown when a patch was drawn on patrol (the draw tool's result dialog).
#: Not the map's colours (out-of-bounds is red here, orange on the map): kept as they were shown.
PREJUDGMENT_TEXT = {
    "within_licence": "#2e7d32",
    "out_of_bounds": "#c62828",
    "expired_licence": "#ef6c00",
    "unlicensed": "#b71c1c",
}

#: Background of a patch whose rectification notice is overdue (issued, deadline passed, not closed).
OVERDUE_TINT = "#ef9a9a"

# --- mining rights -----------------------------------------------------------------------------

#: On the map: licences by status (vocabulary ``right_status``), as the outline and a light fill;
#: ``producing`` also for a licence without a status.
RIGHT_STATUS = {
    "closed": "#757575",
    "suspended": "#f9a825",
    "construction": "#1976d2",
    "producing": "#c62828",
}
#: On the map: validity is drawn over the status, never in place of it: an expired licence is
#: hatched with a dashed outline in the colour of the expired-licence pre-judgment; a licence
#: expiring within 90 days gets a dotted outline.
LICENCE_EXPIRED = PREJUDGMENT["expired_licence"]
LICENCE_EXPIRING = "#f57c00"
#: Rows of the mining-rights list and the dock's legend: (background, text).
EXPIRED_ROW = ("#f8d7da", "#842029")
EXPIRING_ROW = ("#fff3cd", "#664d03")
#: A mine whose patrols are overdue for the period (rights and zones docks): (background, text).
OVERDUE_ROW = ("#ffe0b2", "#8a3b00")

# --- monitoring zones (vocabulary ``zone_level``) ----------------------------------------------

ZONE_LEVEL = {"ministry": "#4a148c", "province": "#0d47a1", "city": "#006064", "county": "#33691e"}

# --- corner checks -----------------------------------------------------------------------------

CHECK_PASSED = "#2e7d32"
CHECK_FAILED = "#c62828"

# --- map labels ----------------------------------------------------------------------------------

#: Label text colours by layer (the halo is white).
LABEL_MINE = "#5d1a1a"
LABEL_ZONE = "#0d47a1"
LABEL_CORNER = "#b71c1c"
LABEL_SURVEY = "#006064"
#: Field photos (a camera point and an arrow turned to the photo's direction).
PHOTO = "#1565c0"

# --- patch states (vocabulary ``patch_state``) --------------------------------------------------

#: A superseded step of a patch's history (greyed and struck out in the history pane).
CORRECTED_EVENT = "#808080"

# --- special surveys (issue 12) --------------------------------------------------------------------

#: The survey overlay: licence outline and its corner numbers, the surveyed extent, out-of-bounds works
#: (hatched), growth since the previous round, works approaching the boundary; the same colours tint the
#: survey dock's rows.
SURVEY = {
    "licence": "#c62828",
    "extent": LABEL_SURVEY,
    "outside": "#d50000",
    "growth": "#ef6c00",
    "approaching": "#ffb300",
    "depth": "#6a1b9a",
}
#: Background of a survey dock row by its strongest finding.
SURVEY_TINTS = {"outside": "#f4a6a6", "depth": "#e1bee7", "growth": "#f9c58e", "approaching": "#ffe082"}
