"""Documents out, built with reportlab from the store's and the analysis's answers.

- :mod:`.fonts`: Chinese TrueType fonts found on the machine (or chosen in the settings), embedded.
- :mod:`.template`: the bureau's words, from ``resources/templates/*.json``.
- :mod:`.notice`: the rectification notice (整改通知书) in the GB/T 9704 layout, with its service receipt.
- :mod:`.map_figure`: the notice's map, rendered by QGIS (the one module here that needs ``qgis.core``).
- :mod:`.issue`: one notice per holder, numbered and recorded by :mod:`..store.notices` with its PDF.
"""
