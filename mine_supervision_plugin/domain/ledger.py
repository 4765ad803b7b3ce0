"""The problem ledger's rules (问题台账, seed 000 §二(三), §四(二)).

A problem is struck off (消号) only when its rectification is complete and,
where a penalty applies, the penalty is in place ("完成问题整改并查处到位的才能消号").
An open item past its deadline is overdue. Pure Python, no I/O.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from ..i18n import tr
from .dates import to_date

#: days given to rectify a problem when its source sets no deadline
DEFAULT_DEADLINE_DAYS = 90


def _flag(value) -> bool:
    return bool(value) and str(value).strip().lower() not in ("0", "false", "no", "否")


def closing_reasons(item: Mapping) -> list[str]:
    """Why the ledger item cannot be struck off yet; empty when it can."""
    reasons = []
    if not (_flag(item.get("rectification_done")) or to_date(item.get("rectified_on"))):
        reasons.append(tr("its rectification is not recorded as complete"))
    if penalty_applies(item) and not (_flag(item.get("penalty_done")) or to_date(item.get("penalized_on"))):
        reasons.append(tr("its penalty is not recorded as in place"))
    return reasons


def penalty_applies(item: Mapping) -> bool:
    """Does a penalty apply to this problem (stated, or implied by a penalty decision number)?"""
    return _flag(item.get("penalty_required")) or bool((item.get("decision_no") or "").strip())


def state_of(item: Mapping) -> str:
    """``closed`` when closable (rule above), ``rectifying`` when something is done, else ``open``."""
    if not closing_reasons(item):
        return "closed"
    done = any(
        (_flag(item.get(flag)) or to_date(item.get(day)))
        for flag, day in (("rectification_done", "rectified_on"), ("penalty_done", "penalized_on"))
    )
    return "rectifying" if done else "open"


def default_deadline(found_on: dt.date | None, days: int = DEFAULT_DEADLINE_DAYS) -> dt.date | None:
    """The deadline of a problem found on ``found_on`` when none is set."""
    return found_on + dt.timedelta(days=days) if found_on else None


def overdue_days(item: Mapping, today: dt.date) -> int:
    """Days past the deadline of an item not struck off by ``today``; 0 when not overdue."""
    deadline = to_date(item.get("deadline"))
    if deadline is None or item.get("state") == "closed":
        return 0
    return max((today - deadline).days, 0)


# --- which findings are problems ----------------------------------------------------------------------

#: words of a patrol finding that say nothing was found (未发现, 无异常...)
_NOTHING = ("未发现", "无异常", "未见", "正常", "无问题", "no problem", "nothing found")
#: words that say something was found
_FOUND = ("发现", "越界", "越层", "超层", "无证", "违法", "违规", "动土", "损毁", "缺失", "沉陷", "占用", "破坏", "found")
#: words of a finding that is illegal mining or calls for a penalty
_PENALTY = ("越界", "越层", "超层", "无证", "非法", "违法开采", "盗采")


def finding_is_problem(text) -> bool:
    """Does a patrol's finding record a problem? ("发现采场越出矿区范围" yes; "未发现越界开采" no.)

    Each clause (split at ，；。,;) is read on its own: a clause saying something
    was found, without saying nothing was, makes the finding a problem.
    """
    if not text:
        return False
    import re

    for clause in re.split(r"[，,；;。.]", str(text)):
        lowered = clause.strip().lower()
        if lowered and any(w in lowered for w in _FOUND) and not any(w in lowered for w in _NOTHING):
            return True
    return False


def finding_needs_penalty(text) -> bool:
    """Does a problem finding describe illegal mining (a penalty applies)?"""
    return bool(text) and finding_is_problem(text) and any(w in str(text) for w in _PENALTY + ("越出矿区",))
