"""The layers import downwards only (docs/ARCHITECTURE.md): a rule that fails the build when broken."""

from __future__ import annotations

import ast
from pathlib import Path

PLUGIN = Path(__file__).resolve().parents[2] / "mine_supervision_plugin"

# layer -> the plugin's top-level packages / modules it may import (besides itself)
SHARED = {"i18n", "settings", "palette", "tracebacks"}
ALLOWED = {
    "domain": SHARED,
    "formats": SHARED | {"domain"},
    "store": SHARED | {"domain", "formats"},
    "analysis": SHARED | {"domain", "store"},
    "reports": SHARED | {"domain", "store", "analysis"},
    "processing": SHARED | {"domain", "formats", "store", "analysis", "reports", "deps", "qgis_values", "connections"},
    "gui": SHARED | {"domain", "formats", "store", "analysis", "reports", "deps", "qgis_values", "connections"},
}


def imported_layers(path: Path, root: Path = PLUGIN) -> set[str]:
    """The plugin's top-level packages/modules that ``path`` (inside ``root``) imports, relative or absolute."""
    relative = path.relative_to(root)
    package = list(relative.parts[:-1])
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level:
            base = package[: len(package) - (node.level - 1)]
            target = base + (node.module.split(".") if node.module else [])
            found |= {target[0]} if target else {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("mine_supervision_plugin."):
            found.add(node.module.split(".")[1])
        elif isinstance(node, ast.Import):
            found |= {a.name.split(".")[1] for a in node.names if a.name.startswith("mine_supervision_plugin.")}
    return found


def test_every_layer_imports_only_the_layers_below_it():
    breaches = []
    for layer, allowed in ALLOWED.items():
        for path in sorted((PLUGIN / layer).rglob("*.py")):
            wrong = imported_layers(path) - allowed - {layer}
            if wrong:
                breaches.append(f"{path.relative_to(PLUGIN)} imports {sorted(wrong)}")
    assert breaches == []


def test_the_rule_sees_a_breach(tmp_path):
    """The checker itself: relative and absolute imports of gui from a store module are caught."""
    sample = tmp_path / "store" / "probe.py"
    sample.parent.mkdir()
    sample.write_text("from ..gui import docks\nimport mine_supervision_plugin.processing.base\n", encoding="utf-8")
    assert imported_layers(sample, tmp_path) == {"gui", "processing"}
