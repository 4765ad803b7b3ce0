"""Controlled vocabularies: English codes stored; labels shown in the interface's language.

:data:`VOCABULARIES` holds the Chinese labels (the vocabularies' own language,
DESIGN.md section 3b): :func:`chinese_label` gives them for what holders and the
bureau read (documents, ledgers, coordinate files), whatever the interface
language. :data:`ENGLISH` holds the English labels, marked for translation
with the Chinese as their zh_CN translation: :func:`display_label` gives the
label in the interface language, for docks, dialogs and messages.

Importers accept the code, the Chinese or the English label (see :func:`to_code`).
"""

from __future__ import annotations

from ..i18n import tr


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 (the name pylupdate5 looks for)
    """Mark ``text`` for translation without translating it (pylupdate5 extracts it)."""
    return text


VOCABULARIES: dict[str, dict[str, str]] = {
    "right_status": {
        "producing": "在产",
        "suspended": "停产",
        "construction": "基建",
        "closed": "关闭",
    },
    "credit_status": {
        "normal": "正常",
        "abnormal_list": "异常名录",
        "serious_dishonesty": "严重违法失信名单",
    },
    "mining_method": {
        "open_pit": "露天",
        "underground": "地下",
        "combined": "露天+地下",
    },
    "prejudgment": {
        "within_licence": "证内",
        "out_of_bounds": "疑似越界开采",
        "expired_licence": "疑似证照过期开采",
        "unlicensed": "疑似无证开采",
    },
    "patch_state": {
        "issued": "下发",
        "verified": "已核查",
        "determined": "已判定",
        "case_filed": "已立案",
        "rectifying": "整改中",
        "closed": "已销号",
    },
    "patch_source": {
        "satellite": "卫片",
        "patrol": "巡查",
        "tip_off": "举报",
        "assigned": "上级交办",
    },
    "determination": {
        "legal": "合法",
        "illegal": "违法",
        "other": "其他",
    },
    "violation_type": {
        "unlicensed": "无证开采",
        "out_of_bounds": "越界开采",
        "beyond_mineral_or_method": "超范围开采",
        "illegal_transfer": "非法转让",
        "under_cover_of_construction": "以工程建设或治理为名开采",
        "destructive": "破坏性开采",
        "farmland": "占用耕地/基本农田",
        "ecological_damage": "破坏生态",
        "other": "其他",
    },
    "inspection_kind": {
        "patrol": "日常巡查",
        "field_check": "实地核查",
        "special_survey": "专项勘测",
        "joint_check": "联合抽查",
    },
    "zone_level": {
        "ministry": "部",
        "province": "省",
        "city": "市",
        "county": "县",
    },
    "stake_state": {
        "intact": "完好",
        "damaged": "损毁",
        "missing": "缺失",
    },
    "survey_method": {
        "measured": "实测",
        "drone": "无人机",
        "underground_survey": "井下测量",
    },
    "notice_state": {
        "draft": "草稿",
        "issued": "已送达",
        "completed": "已整改",
        "voided": "已作废",
    },
    "ledger_state": {
        "open": "未销号",
        "rectifying": "整改中",
        "closed": "已销号",
    },
    "ledger_source": {
        "patch": "图斑",
        "patrol": "日常巡查",
        "survey": "专项勘测",
        "corner_check": "拐点核查",
        "review": "季度研判",
        "spot_check": "抽查",
        "other": "其他",
    },
}


#: The English labels, translated at display time (:func:`display_label`); the zh_CN translation of each
#: is its Chinese label in :data:`VOCABULARIES`. The patch states are the workflow's state names.
ENGLISH: dict[str, dict[str, str]] = {
    "right_status": {
        "producing": QT_TRANSLATE_NOOP("@default", "producing"),
        "suspended": QT_TRANSLATE_NOOP("@default", "suspended"),
        "construction": QT_TRANSLATE_NOOP("@default", "under construction"),
        "closed": QT_TRANSLATE_NOOP("@default", "closed down"),
    },
    "credit_status": {
        "normal": QT_TRANSLATE_NOOP("@default", "normal"),
        "abnormal_list": QT_TRANSLATE_NOOP("@default", "abnormal list"),
        "serious_dishonesty": QT_TRANSLATE_NOOP("@default", "serious dishonesty list"),
    },
    "mining_method": {
        "open_pit": QT_TRANSLATE_NOOP("@default", "open pit"),
        "underground": QT_TRANSLATE_NOOP("@default", "underground"),
        "combined": QT_TRANSLATE_NOOP("@default", "open pit + underground"),
    },
    "prejudgment": {
        "within_licence": QT_TRANSLATE_NOOP("@default", "within licence"),
        "out_of_bounds": QT_TRANSLATE_NOOP("@default", "suspected out-of-bounds mining"),
        "expired_licence": QT_TRANSLATE_NOOP("@default", "suspected mining on an expired licence"),
        "unlicensed": QT_TRANSLATE_NOOP("@default", "suspected unlicensed mining"),
    },
    "patch_state": {
        "issued": QT_TRANSLATE_NOOP("@default", "issued"),
        "verified": QT_TRANSLATE_NOOP("@default", "field-verified"),
        "determined": QT_TRANSLATE_NOOP("@default", "determined"),
        "case_filed": QT_TRANSLATE_NOOP("@default", "case filed"),
        "rectifying": QT_TRANSLATE_NOOP("@default", "rectifying"),
        "closed": QT_TRANSLATE_NOOP("@default", "closed"),
    },
    "patch_source": {
        "satellite": QT_TRANSLATE_NOOP("@default", "satellite imagery"),
        "patrol": QT_TRANSLATE_NOOP("@default", "patrol"),
        "tip_off": QT_TRANSLATE_NOOP("@default", "tip-off"),
        "assigned": QT_TRANSLATE_NOOP("@default", "assigned by higher authority"),
    },
    "determination": {
        "legal": QT_TRANSLATE_NOOP("@default", "legal"),
        "illegal": QT_TRANSLATE_NOOP("@default", "illegal"),
        "other": QT_TRANSLATE_NOOP("@default", "other"),
    },
    "violation_type": {
        "unlicensed": QT_TRANSLATE_NOOP("@default", "unlicensed mining"),
        "out_of_bounds": QT_TRANSLATE_NOOP("@default", "out-of-bounds mining"),
        "beyond_mineral_or_method": QT_TRANSLATE_NOOP("@default", "mining beyond the licensed mineral or method"),
        "illegal_transfer": QT_TRANSLATE_NOOP("@default", "illegal transfer"),
        "under_cover_of_construction": QT_TRANSLATE_NOOP(
            "@default", "mining under the cover of construction or restoration"
        ),
        "destructive": QT_TRANSLATE_NOOP("@default", "destructive mining"),
        "farmland": QT_TRANSLATE_NOOP("@default", "occupying farmland / basic farmland"),
        "ecological_damage": QT_TRANSLATE_NOOP("@default", "ecological damage"),
        "other": QT_TRANSLATE_NOOP("@default", "other violation"),
    },
    "inspection_kind": {
        "patrol": QT_TRANSLATE_NOOP("@default", "routine patrol"),
        "field_check": QT_TRANSLATE_NOOP("@default", "field check"),
        "special_survey": QT_TRANSLATE_NOOP("@default", "special survey"),
        "joint_check": QT_TRANSLATE_NOOP("@default", "joint spot check"),
    },
    "zone_level": {
        "ministry": QT_TRANSLATE_NOOP("@default", "ministry"),
        "province": QT_TRANSLATE_NOOP("@default", "province"),
        "city": QT_TRANSLATE_NOOP("@default", "city"),
        "county": QT_TRANSLATE_NOOP("@default", "county"),
    },
    "stake_state": {
        "intact": QT_TRANSLATE_NOOP("@default", "intact"),
        "damaged": QT_TRANSLATE_NOOP("@default", "damaged"),
        "missing": QT_TRANSLATE_NOOP("@default", "missing"),
    },
    "survey_method": {
        "measured": QT_TRANSLATE_NOOP("@default", "measured"),
        "drone": QT_TRANSLATE_NOOP("@default", "drone"),
        "underground_survey": QT_TRANSLATE_NOOP("@default", "underground survey"),
    },
    "notice_state": {
        "draft": QT_TRANSLATE_NOOP("@default", "draft"),
        "issued": QT_TRANSLATE_NOOP("@default", "served"),
        "completed": QT_TRANSLATE_NOOP("@default", "rectified"),
        "voided": QT_TRANSLATE_NOOP("@default", "voided"),
    },
    "ledger_state": {
        "open": QT_TRANSLATE_NOOP("@default", "not struck off"),
        "rectifying": QT_TRANSLATE_NOOP("@default", "rectifying"),
        "closed": QT_TRANSLATE_NOOP("@default", "closed"),
    },
    "ledger_source": {
        "patch": QT_TRANSLATE_NOOP("@default", "patch"),
        "patrol": QT_TRANSLATE_NOOP("@default", "routine patrol"),
        "survey": QT_TRANSLATE_NOOP("@default", "special survey"),
        "corner_check": QT_TRANSLATE_NOOP("@default", "boundary-corner check"),
        "review": QT_TRANSLATE_NOOP("@default", "quarterly review"),
        "spot_check": QT_TRANSLATE_NOOP("@default", "spot check"),
        "other": QT_TRANSLATE_NOOP("@default", "other"),
    },
}


def chinese_label(vocabulary: str, code: str | None) -> str:
    """Chinese label of ``code`` in ``vocabulary`` (the code itself if unknown), whatever the interface language.

    For what holders and the bureau read: documents, ledgers, coordinate files.
    """
    if code is None:
        return ""
    return VOCABULARIES[vocabulary].get(code, code)


#: The Chinese label (kept under its old name for files and documents); see :func:`display_label` for the GUI.
label = chinese_label


def _interface_translated() -> bool:
    """True when a translator of ours is installed (a workflow state's name is translated)."""
    return tr("issued") != "issued"


def display_label(vocabulary: str, code: str | None) -> str:
    """The label of ``code`` in the interface's language: English, or its translation (Chinese in zh_CN).

    A label whose translation is missing from an installed translation falls
    back to the Chinese label rather than mixing English into a Chinese
    interface. An unknown code is shown as it is.
    """
    if code is None:
        return ""
    english = ENGLISH.get(vocabulary, {}).get(code)
    if english is None:
        return VOCABULARIES[vocabulary].get(code, code)
    shown = tr(english)
    if shown == english and _interface_translated():
        return VOCABULARIES[vocabulary].get(code, code)
    return shown


def display_labels(vocabulary: str) -> dict[str, str]:
    """Every code of ``vocabulary`` with its :func:`display_label`, in the vocabulary's order."""
    return {code: display_label(vocabulary, code) for code in VOCABULARIES[vocabulary]}


def to_code(vocabulary: str, value: str | None) -> str | None:
    """Return the code for a code, a Chinese label, an English label or its translation; ``None`` otherwise."""
    if value is None:
        return None
    text = str(value).strip()
    entries = VOCABULARIES[vocabulary]
    if text in entries:
        return text
    for code, chinese in entries.items():
        if chinese == text:
            return code
    lowered = text.casefold()
    for code, english in ENGLISH.get(vocabulary, {}).items():
        if english.casefold() == lowered or tr(english) == text:
            return code
    return None
