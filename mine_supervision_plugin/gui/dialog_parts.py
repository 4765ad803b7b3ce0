"""Parts the plugin's dialogs share: the refusal line and the OK / Cancel buttons under a form."""

from __future__ import annotations

from qgis.PyQt.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLayout

from .. import palette


def add_error_and_buttons(dialog: QDialog, layout: QLayout) -> tuple[QLabel, QDialogButtonBox]:
    """Append to ``layout`` a hidden red line for the reason a save was refused (the dialog stays open with the
    user's input) and OK / Cancel wired to the dialog's accept / reject; return both."""
    error_label = QLabel(dialog)
    error_label.setObjectName("errorLabel")
    error_label.setWordWrap(True)
    error_label.setStyleSheet(f"color: {palette.CHECK_FAILED};")
    error_label.hide()
    layout.addWidget(error_label)
    buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, dialog)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)
    return error_label, buttons
