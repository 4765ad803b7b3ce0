"""Documents out: empty for now, on purpose.

The documents the next capability brings (notices, case and closing records,
statistics, map figures rendered by QGIS, with their fonts) go here, built
with reportlab from the store and the workflow's answers; colours from
:mod:`..palette`. Nothing in the plugin imports this package yet.
"""
