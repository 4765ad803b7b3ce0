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
