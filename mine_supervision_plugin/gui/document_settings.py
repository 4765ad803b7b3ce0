"""The Document settings… dialog: the bureau's words for the notices and the documents' fonts.

A thin face over :func:`..reports.template.save_settings`: the issuing
authority, document-number prefix, legal basis, requirement, deadline and
contact are written into the user's notice template file (the one chosen in
the settings, else ``<QGIS profile>/mine_supervision/notice.json``, which then
becomes the chosen one), where every document reads them; the fonts go to the
plugin's settings. Fonts reportlab cannot embed are listed with the reason.
"""

from __future__ import annotations

from pathlib import Path

from qgis.core import QgsApplication
from qgis.PyQt.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from .. import settings
from ..i18n import tr
from ..reports.fonts import KNOWN, find_fonts, outline_kind, parse_spec
from ..reports.template import TemplateError, load_template, save_settings

DIALOG_NAME = "MineSupervisionDocumentSettings"


def user_template_path() -> Path:
    """The user's notice template: the one chosen in the settings, else one in the QGIS profile."""
    chosen = settings.NOTICE_TEMPLATE.value()
    if chosen:
        return Path(chosen)
    return Path(QgsApplication.qgisSettingsDirPath()) / "mine_supervision" / "notice.json"


class DocumentSettingsDialog(QDialog):
    """Edits the notice template's words and the fonts; :meth:`accept` saves (or says what is wrong)."""

    def __init__(self, parent=None, path: Path | None = None):
        super().__init__(parent)
        self.setObjectName(DIALOG_NAME)
        self.setWindowTitle(tr("Document settings"))
        self.path = Path(path) if path else user_template_path()
        try:
            template = load_template(self.path if self.path.is_file() else None)
        except TemplateError as error:  # a broken file: start from the shipped words, say why
            QMessageBox.warning(parent, tr("Document settings"), str(error))
            template = load_template()
        contact = template.get("contact") or {}
        layout = QVBoxLayout(self)
        form = QFormLayout()
        layout.addLayout(form)

        def line(name: str, value: str) -> QLineEdit:
            edit = QLineEdit(str(value or ""))
            edit.setObjectName(name)
            return edit

        def text(name: str, value: str) -> QPlainTextEdit:
            edit = QPlainTextEdit(str(value or ""))
            edit.setObjectName(name)
            edit.setMaximumHeight(80)
            return edit

        self.authority = line("authority", template.get("authority"))
        self.prefix = line("number_prefix", template.get("number_prefix"))
        self.example = QLabel()
        self.example.setObjectName("number_example")
        self.prefix.textChanged.connect(self._show_example)
        self.basis = text("legal_basis", template.get("legal_basis"))
        self.requirement = text("requirement", template.get("requirement"))
        self.deadline = QSpinBox()
        self.deadline.setObjectName("deadline_days")
        self.deadline.setRange(1, 3650)
        self.deadline.setSuffix(tr(" days"))
        self.deadline.setValue(int(template.get("deadline_days") or 30))
        self.person = line("contact_person", contact.get("person"))
        self.phone = line("contact_phone", contact.get("phone"))
        self.address = line("contact_address", contact.get("address"))
        form.addRow(tr("Issuing authority"), self.authority)
        form.addRow(tr("Document-number prefix"), self.prefix)
        form.addRow("", self.example)
        form.addRow(tr("Legal basis"), self.basis)
        form.addRow(tr("Requirement"), self.requirement)
        form.addRow(tr("Deadline"), self.deadline)
        form.addRow(tr("Contact person"), self.person)
        form.addRow(tr("Contact phone"), self.phone)
        form.addRow(tr("Contact address"), self.address)

        search = find_fonts()
        self.body_font = self._font_combo("body_font", search.fonts, settings.DOCUMENT_BODY_FONT.value())
        self.title_font = self._font_combo("title_font", search.fonts, settings.DOCUMENT_TITLE_FONT.value())
        form.addRow(tr("Body text font"), self._with_browse(self.body_font))
        form.addRow(tr("Title font"), self._with_browse(self.title_font))
        self.skipped = QPlainTextEdit("\n".join(search.skipped) or tr("None: every Chinese font found can be embedded."))
        self.skipped.setObjectName("skipped_fonts")
        self.skipped.setReadOnly(True)
        self.skipped.setMaximumHeight(70)
        form.addRow(tr("Fonts skipped"), self.skipped)
        where = QLabel(tr("Saved in {path}").format(path=self.path))
        where.setObjectName("template_path")
        where.setWordWrap(True)
        layout.addWidget(where)
        buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._show_example()
        self.resize(640, self.sizeHint().height())

    def _show_example(self) -> None:
        self.example.setText(tr("e.g. {number}").format(number=f"{self.prefix.text().strip()}〔2026〕12号"))

    @staticmethod
    def _font_combo(name: str, fonts, current: str) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.addItem(tr("(automatic: the best found)"), "")
        for font in fonts:
            combo.addItem(f"{font.label} — {font.path}", font.spec)
        if current and combo.findData(current) < 0:
            combo.addItem(str(current), current)
        combo.setCurrentIndex(max(combo.findData(current or ""), 0))
        return combo

    def _with_browse(self, combo: QComboBox) -> QWidget:
        widget = QWidget()
        row = QHBoxLayout(widget)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(combo, 1)
        browse = QPushButton(tr("File…"))
        browse.clicked.connect(lambda: self._browse(combo))
        row.addWidget(browse)
        return widget

    def _browse(self, combo: QComboBox) -> None:
        path, _ = QFileDialog.getOpenFileName(self, tr("A TrueType font"), "", tr("TrueType fonts (*.ttf *.ttc)"))
        if path:
            self.add_font_file(combo, path)

    def add_font_file(self, combo: QComboBox, path: str) -> bool:
        """Offer the font file ``path`` in ``combo`` when reportlab can embed it; else say why, and do not."""
        file, index = parse_spec(path)
        kind = outline_kind(file, index)
        if kind != "truetype":
            QMessageBox.warning(self, tr("Document settings"), tr(
                "{path} cannot be used: its outlines are {kind}, which reportlab cannot embed; choose a TrueType "
                "font.").format(path=file, kind=kind.upper()))
            return False
        if combo.findData(path) < 0:
            combo.addItem(f"{KNOWN.get(file.name.lower(), ('', file.stem))[1]} — {file}", path)
        combo.setCurrentIndex(combo.findData(path))
        return True

    def values(self) -> dict:
        """The words as the template holds them."""
        return {
            "authority": self.authority.text(), "number_prefix": self.prefix.text(),
            "legal_basis": self.basis.toPlainText(), "requirement": self.requirement.toPlainText(),
            "deadline_days": self.deadline.value(),
            "contact": {"person": self.person.text(), "phone": self.phone.text(), "address": self.address.text()},
        }

    def accept(self) -> None:
        try:
            save_settings(self.path, self.values())
        except TemplateError as error:
            QMessageBox.warning(self, tr("Document settings"), str(error))
            return  # the dialog stays open with what the user typed
        settings.NOTICE_TEMPLATE.set_value(str(self.path))
        settings.DOCUMENT_BODY_FONT.set_value(self.body_font.currentData() or "")
        settings.DOCUMENT_TITLE_FONT.set_value(self.title_font.currentData() or "")
        super().accept()


def edit_document_settings(context) -> bool:
    """Open the dialog; True when the settings were saved (said in the message bar)."""
    dialog = DocumentSettingsDialog(context.iface.mainWindow())
    if dialog.exec_() != QDialog.Accepted:
        return False
    context.success(tr("Document settings saved in {path}.").format(path=dialog.path))
    return True
