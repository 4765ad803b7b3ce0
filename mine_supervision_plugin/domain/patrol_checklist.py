"""What a patrol looks at (seed 002 §二(二)1①), and how each item's answer is kept.

The checklist's items, in the seed's order: the mine's signboard, where ore
and tailings are piled, farmland / permanent basic farmland occupied, obvious
ecological damage, and what the village committee says when the mine touches a
village. Each is answered ``ok``, ``problem`` or left unanswered (None). The
answers are stored as JSON in ``inspections.checklist``: ``{"signboard": "ok", ...}``.
"""

from __future__ import annotations

import json

from ..i18n import tr

ITEMS = ("signboard", "piles", "farmland", "ecology", "village")
#: Chinese labels, as the bureau's forms write them
CHINESE = {
    "signboard": "标识牌",
    "piles": "矿石、尾矿堆放",
    "farmland": "占用耕地和永久基本农田",
    "ecology": "生态破坏",
    "village": "向村委会了解线索",
}
OK, PROBLEM = "ok", "problem"
ANSWERS = (OK, PROBLEM)


def item_label(item: str) -> str:
    """The item's label in the interface language."""
    return {
        "signboard": tr("Signboard placed as required"),
        "piles": tr("Ore and tailings piled where allowed"),
        "farmland": tr("No farmland / permanent basic farmland occupied"),
        "ecology": tr("No obvious ecological damage"),
        "village": tr("Village committee asked about illegal mining"),
    }[item]


def checklist_json(answers: dict) -> str | None:
    """The answers as stored (known items only, in order); None when nothing was answered.

    Raises ValueError (worded for the user) for an unknown item or answer.
    """
    unknown = set(answers) - set(ITEMS)
    if unknown:
        raise ValueError(tr("Unknown checklist items: {items}").format(items=", ".join(sorted(unknown))))
    kept = {}
    for item in ITEMS:
        answer = answers.get(item)
        if answer in (None, ""):
            continue
        if answer not in ANSWERS:
            raise ValueError(tr("{answer} is not an answer of the checklist (ok, problem).").format(answer=answer))
        kept[item] = answer
    return json.dumps(kept, ensure_ascii=False) if kept else None


def problems(stored: str | None) -> list[str]:
    """The Chinese labels of the items answered ``problem`` in a stored checklist."""
    if not stored:
        return []
    answers = json.loads(stored)
    return [CHINESE[item] for item in ITEMS if answers.get(item) == PROBLEM]
