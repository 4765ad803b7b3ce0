"""Document templates: the bureau's words (authority, number prefix, legal basis, requirement, deadline, contact).

Read from ``resources/templates/<name>.json`` shipped with the plugin, or from
the file the user chose in the settings (a copy of it, edited); missing keys
fall back to the shipped file. Nothing of the bureau's is written in code.
"""

from __future__ import annotations

import json
from pathlib import Path

from ..i18n import tr

PLUGIN_DIR = Path(__file__).resolve().parent.parent
REQUIRED = ("authority", "number_prefix", "title", "legal_basis", "requirement", "deadline_days")
#: The keys each template must fill (``notice``: :data:`REQUIRED`).
REQUIRED_BY_NAME = {"notice": REQUIRED, "survey_report": ("authority", "title", "conclusions")}


class TemplateError(Exception):
    """A template that cannot be used, worded for the user."""


def shipped_template(name: str = "notice") -> Path:
    """resources/templates/<name>.json inside the installed plugin, or at the top of the source tree."""
    for base in (PLUGIN_DIR / "resources", PLUGIN_DIR.parent / "resources"):
        candidate = base / "templates" / f"{name}.json"
        if candidate.is_file():
            return candidate
    return PLUGIN_DIR / "resources" / "templates" / f"{name}.json"


def _read(path: Path) -> dict:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8-sig"))
    except OSError as error:
        raise TemplateError(tr("The template {path} cannot be read: {reason}").format(path=path, reason=error)) from error
    except json.JSONDecodeError as error:
        raise TemplateError(
            tr("The template {path} is not valid JSON (line {line}): {reason}").format(
                path=path, line=error.lineno, reason=error.msg)
        ) from error
    if not isinstance(data, dict):
        raise TemplateError(tr("The template {path} must hold a JSON object.").format(path=path))
    return data


def load_template(path: str | Path | None = None, name: str = "notice") -> dict:
    """The template: the shipped one, overlaid with the user's file ``path`` when given."""
    template = _read(shipped_template(name))
    if path:
        template.update(_read(Path(path)))
    empty = [key for key in REQUIRED_BY_NAME.get(name, ()) if template.get(key) in (None, "", [])]
    if empty:
        raise TemplateError(tr("The template {path} leaves {keys} empty.").format(
            path=path or shipped_template(name), keys=", ".join(empty)))
    try:
        if "deadline_days" in template:
            template["deadline_days"] = int(template["deadline_days"])
    except (TypeError, ValueError) as error:
        raise TemplateError(tr("deadline_days in the template must be a whole number of days.")) from error
    template.setdefault("contact", {})
    return template


#: The notice template's keys the settings dialog edits (the rest of a user's file is kept as it is).
EDITABLE = ("authority", "number_prefix", "legal_basis", "requirement", "deadline_days", "contact")


def check_settings(values: dict) -> list[str]:
    """What is wrong with the dialog's ``values`` (authority, number prefix, deadline...), worded for the user."""
    problems = []
    if not str(values.get("authority") or "").strip():
        problems.append(tr("The issuing authority is empty."))
    prefix = str(values.get("number_prefix") or "").strip()
    if not prefix:
        problems.append(tr("The document-number prefix is empty."))
    elif any(char in prefix for char in "〔〕[]号") or prefix[-1:].isdigit():
        problems.append(tr("The document-number prefix {prefix} must not hold 〔〕, [] or 号 nor end with a digit: "
                           "the year and the number are added to it (e.g. {prefix}〔2026〕12号).").format(prefix=prefix))
    if not str(values.get("legal_basis") or "").strip():
        problems.append(tr("The legal basis is empty."))
    if not str(values.get("requirement") or "").strip():
        problems.append(tr("The requirement is empty."))
    try:
        days = int(values.get("deadline_days"))
        if not 1 <= days <= 3650:
            raise ValueError
    except (TypeError, ValueError):
        problems.append(tr("The deadline must be a whole number of days from 1 to 3650."))
    return problems


def save_settings(path: str | Path, values: dict, name: str = "notice") -> dict:
    """Write ``values`` (keys of :data:`EDITABLE`) into the user's template file ``path``, keeping its other keys.

    Checked first (:func:`check_settings`, :class:`TemplateError` listing the problems); written atomically
    (a temporary file renamed into place). Returns the template as documents will read it.
    """
    import os
    import tempfile

    problems = check_settings(values)
    if problems:
        raise TemplateError("\n".join(problems))
    path = Path(path)
    current = _read(path) if path.is_file() else {
        "_comment": "由插件“文书设置”写入；未列出的项取插件自带的 resources/templates/notice.json。"}
    for key in EDITABLE:
        if key in values:
            value = values[key]
            current[key] = int(value) if key == "deadline_days" else (
                {k: str(v).strip() for k, v in value.items()} if isinstance(value, dict) else str(value).strip())
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=".template-", suffix=".json.part", dir=path.parent)
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            json.dump(current, stream, ensure_ascii=False, indent=2)
            stream.write("\n")
        os.replace(temporary, path)
    except OSError as error:
        raise TemplateError(tr("The settings cannot be saved in {path}: {reason}").format(path=path, reason=error)) \
            from error
    return load_template(path, name)
