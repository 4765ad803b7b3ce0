"""Controlled vocabularies: English codes stored, Chinese labels shown.

Importers accept either the code or the label (see :func:`to_code`).
"""

from __future__ import annotations

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
    },
    "ledger_state": {
        "open": "未销号",
        "rectifying": "整改中",
        "closed": "已销号",
    },
}


def label(vocabulary: str, code: str | None) -> str:
    """Chinese label of ``code`` in ``vocabulary`` (the code itself if unknown)."""
    if code is None:
        return ""
    return VOCABULARIES[vocabulary].get(code, code)


def to_code(vocabulary: str, value: str | None) -> str | None:
    """Return the code for a code or a Chinese label; ``None`` if it is neither."""
    if value is None:
        return None
    text = str(value).strip()
    entries = VOCABULARIES[vocabulary]
    if text in entries:
        return text
    for code, chinese in entries.items():
        if chinese == text:
            return code
    return None
