"""The supervision database schema, defined once for every backend.

Plain data, no backend assumptions: the GeoPackage and PostGIS writers, the
QGIS project builder (aliases, value maps, relations) and the migrations all
read these definitions. A field or table carries ``since``: the schema version
that introduced it, so an older file is migrated by adding what came later.

History of the schema version:
  1  foundation (issue 2): every table of DESIGN.md section 3.
  2  boundary history of mining rights and pre-judgment detail on patches.
  3  patches keep the batch's remarks (TBLX/BZ), the area on expired licences
     and the pre-judgment's note (repaired geometry, no imagery date...).
  4  patrols imported from GPX / flight logs (issue 11): inspections keep every
     mine they cover (``license_nos``, comma-separated; ``license_no`` is the first)
     and how it was found, their number, start and end time, route source, file
     and length; photos keep the file they were copied from (``photo_path`` of a
     patrol photo is relative to the database's folder).
  5  special survey rounds (issue 12): survey extents keep their surveyor, how
     they were matched to a licence (``matched_by``: licence_no / location /
     none), the file they came from and the feature in it (a DXF's layer and
     entity handle).
  6  cases and the problem ledger (issue 11): administrative penalty cases
     (``penalty_cases``: party, licence, patch, decision number and date,
     penalty); quarterly reviews (``reviews``, 研判: one row per review, its
     quarter ``2026-Q1``); patches keep the seed-003 finding
     (``transfer_required``, ``transfer_basis``: 移送司法机关); ledger items keep
     their deadline, source (patch / patrol / survey / corner check...,
     ``source_key``), whether a penalty applies, and the dates rectification
     and penalty were recorded; corner checks keep a note and their photo
     (``photo_path`` relative to the database's folder, as a patrol photo's); a
     patrol keeps the seed's checklist answers (``checklist``, JSON:
     domain/patrol_checklist).
  7  audit rows keep the database login (``db_login``) beside the plugin's user
     name (issue 14): on PostGIS the server stamps every new row with
     ``session_user`` (store/postgres_server), so it cannot be left out or
     forged; a GeoPackage has no login and leaves it empty.
"""

from __future__ import annotations

from dataclasses import dataclass, field

SCHEMA_VERSION = 7
APPLICATION_ID = "mine_supervision_plugin"
META_TABLE = "ms_meta"
DEFAULT_CRS_EPSG = 4526  # CGCS2000 3-degree Gauss-Kruger zone 38 (easting with zone prefix)

# Field kinds understood by every backend.
TEXT, INTEGER, REAL, DATE, DATETIME, BOOLEAN = "text", "integer", "real", "date", "datetime", "boolean"


@dataclass(frozen=True)
class Field:
    """A column: English snake_case name, Chinese alias, optional vocabulary."""

    name: str
    kind: str
    alias: str
    vocabulary: str | None = None
    required: bool = False
    unique: bool = False
    since: int = 1


@dataclass(frozen=True)
class Table:
    """A table; ``geometry`` is a geometry type name or ``None`` for attributes only."""

    name: str
    alias: str
    geometry: str | None
    fields: tuple[Field, ...]
    since: int = 1
    display_expression: str = ""

    def field(self, name: str) -> Field:
        for candidate in self.fields:
            if candidate.name == name:
                return candidate
        raise KeyError(f"{self.name}.{name}")

    def fields_at(self, version: int) -> tuple[Field, ...]:
        return tuple(f for f in self.fields if f.since <= version)


@dataclass(frozen=True)
class Relation:
    """A one-to-many link: ``child.child_field`` refers to ``parent.parent_field``."""

    id: str
    name: str
    parent: str
    parent_field: str
    child: str
    child_field: str


def _f(name: str, kind: str, alias: str, **kwargs) -> Field:
    return Field(name, kind, alias, **kwargs)


TABLES: tuple[Table, ...] = (
    Table(
        "mining_rights",
        "采矿权",
        "MultiPolygon",
        (
            _f("license_no", TEXT, "许可证号", required=True, unique=True),
            _f("mine_name", TEXT, "矿山名称", required=True),
            _f("holder", TEXT, "采矿权人", required=True),
            _f("mineral", TEXT, "开采矿种"),
            _f("mining_method", TEXT, "开采方式", vocabulary="mining_method"),
            _f("production_scale", TEXT, "生产规模"),
            _f("licensed_area_km2", REAL, "矿区面积(km²)"),
            _f("valid_from", DATE, "有效期起"),
            _f("valid_to", DATE, "有效期止"),
            _f("status", TEXT, "生产状态", vocabulary="right_status"),
            _f("credit_status", TEXT, "信用状态", vocabulary="credit_status"),
            _f("depth_top_m", REAL, "开采标高上限(m)"),
            _f("depth_bottom_m", REAL, "开采标高下限(m)"),
            _f("county_code", TEXT, "行政区代码"),
            _f("source_file", TEXT, "来源文件"),
            _f("boundary_version", INTEGER, "范围版本", since=2),
            _f("updated_at", DATETIME, "更新时间"),
        ),
        display_expression='"license_no" || \' \' || "mine_name"',
    ),
    Table(
        "mining_right_parcels",
        "采矿权地块",
        "Polygon",
        (
            _f("license_no", TEXT, "许可证号", required=True),
            _f("parcel_no", TEXT, "地块编号", required=True),
            _f("depth_top_m", REAL, "开采标高上限(m)"),
            _f("depth_bottom_m", REAL, "开采标高下限(m)"),
            _f("excluded", BOOLEAN, "扣除地块"),
            _f("area_m2", REAL, "平面面积(m²)"),
            _f("ellipsoidal_area_m2", REAL, "椭球面积(m²)"),
        ),
        display_expression='"license_no" || \'-\' || "parcel_no"',
    ),
    Table(
        "mining_right_corners",
        "拐点",
        "Point",
        (
            _f("license_no", TEXT, "许可证号", required=True),
            _f("parcel_no", TEXT, "地块编号", required=True),
            _f("ring_no", INTEGER, "圈号"),
            _f("corner_no", INTEGER, "拐点号", required=True),
            _f("x", REAL, "X坐标(北)"),
            _f("y", REAL, "Y坐标(东)"),
        ),
        display_expression='"license_no" || \' 拐点\' || "corner_no"',
    ),
    Table(
        "mining_right_history",
        "采矿权范围历史",
        "MultiPolygon",
        (
            _f("license_no", TEXT, "许可证号", required=True),
            _f("boundary_version", INTEGER, "范围版本"),
            _f("replaced_at", DATETIME, "替换时间"),
            _f("source_file", TEXT, "来源文件"),
            _f("attributes_json", TEXT, "原属性"),
        ),
        since=2,
    ),
    Table(
        "monitoring_zones",
        "重点监测矿区",
        "MultiPolygon",
        (
            _f("name", TEXT, "矿区名称", required=True),
            _f("level", TEXT, "级别", vocabulary="zone_level", required=True),
            _f("year", INTEGER, "年度"),
            _f("note", TEXT, "备注"),
        ),
        display_expression='"name"',
    ),
    Table(
        "patches",
        "图斑",
        "MultiPolygon",
        (
            _f("patch_no", TEXT, "图斑编号", required=True, unique=True),
            _f("source", TEXT, "来源", vocabulary="patch_source"),
            _f("year", INTEGER, "年度"),
            _f("batch", TEXT, "批次"),
            _f("county_code", TEXT, "行政区代码"),
            _f("date_before", DATE, "前时相"),
            _f("date_after", DATE, "后时相"),
            _f("area_m2", REAL, "面积(m²)"),
            _f("remarks", TEXT, "备注", since=3),
            _f("prejudgment", TEXT, "预判结果", vocabulary="prejudgment"),
            _f("inside_area_m2", REAL, "证内面积(m²)"),
            _f("outside_area_m2", REAL, "证外面积(m²)"),
            _f("license_no", TEXT, "涉及许可证号"),
            _f("zone_name", TEXT, "重点监测矿区", since=2),
            _f("zone_level", TEXT, "监测矿区级别", vocabulary="zone_level", since=2),
            _f("repeat_years", TEXT, "往年重复年份", since=2),
            _f("expired_area_m2", REAL, "过期证内面积(m²)", since=3),
            _f("prejudge_note", TEXT, "预判说明", since=3),
            _f("state", TEXT, "流程状态", vocabulary="patch_state"),
            _f("field_check_date", DATE, "核查日期"),
            _f("inspectors", TEXT, "核查人员"),
            _f("finding", TEXT, "核查情况"),
            _f("determination", TEXT, "判定结果", vocabulary="determination"),
            _f("violation_type", TEXT, "违法类型", vocabulary="violation_type"),
            _f("evidence", TEXT, "证据材料"),
            _f("case_no", TEXT, "案件编号"),
            _f("notice_no", TEXT, "整改通知书文号"),
            _f("transfer_required", BOOLEAN, "需移送司法机关", since=6),
            _f("transfer_basis", TEXT, "移送依据", since=6),
        ),
        display_expression='"patch_no"',
    ),
    Table(
        "patch_events",
        "图斑流程记录",
        None,
        (
            _f("patch_no", TEXT, "图斑编号", required=True),
            _f("from_state", TEXT, "原状态", vocabulary="patch_state"),
            _f("to_state", TEXT, "新状态", vocabulary="patch_state", required=True),
            _f("event_time", DATETIME, "时间", required=True),
            _f("user_name", TEXT, "操作人", required=True),
            _f("reason", TEXT, "理由"),
            _f("corrects_event", INTEGER, "更正的记录"),
        ),
    ),
    Table(
        "inspections",
        "巡查核查记录",
        "LineString",
        (
            _f("inspection_date", DATE, "日期", required=True),
            _f("kind", TEXT, "类型", vocabulary="inspection_kind", required=True),
            _f("inspectors", TEXT, "人员"),
            _f("license_no", TEXT, "许可证号"),
            _f("finding", TEXT, "发现问题"),
            _f("result", TEXT, "处理结果"),
            _f("patch_no", TEXT, "关联图斑"),
            _f("license_nos", TEXT, "涉及许可证号", since=4),
            _f("matched_by", TEXT, "矿山关联方式", since=4),
            _f("inspection_no", TEXT, "巡查编号", since=4),
            _f("started_at", DATETIME, "开始时间", since=4),
            _f("ended_at", DATETIME, "结束时间", since=4),
            _f("route_source", TEXT, "路线来源", since=4),
            _f("route_length_m", REAL, "路线长度(m)", since=4),
            _f("source_file", TEXT, "来源文件", since=4),
            _f("checklist", TEXT, "巡查事项", since=6),
        ),
        display_expression='"inspection_date" || \' \' || "license_no"',
    ),
    Table(
        "inspection_photos",
        "现场照片",
        "Point",
        (
            _f("inspection_id", INTEGER, "巡查记录"),
            _f("patch_no", TEXT, "图斑编号"),
            _f("photo_path", TEXT, "照片文件", required=True),
            _f("taken_at", DATETIME, "拍摄时间"),
            _f("azimuth_deg", REAL, "方位角"),
            _f("note", TEXT, "说明"),
            _f("source_file", TEXT, "原文件", since=4),
        ),
    ),
    Table(
        "corner_checks",
        "拐点核查",
        "Point",
        (
            _f("inspection_id", INTEGER, "巡查记录"),
            _f("license_no", TEXT, "许可证号", required=True),
            _f("parcel_no", TEXT, "地块编号"),
            _f("corner_no", INTEGER, "拐点号", required=True),
            _f("licensed_x", REAL, "证载X"),
            _f("licensed_y", REAL, "证载Y"),
            _f("measured_x", REAL, "实测X"),
            _f("measured_y", REAL, "实测Y"),
            _f("deviation_m", REAL, "偏差(m)"),
            _f("stake_state", TEXT, "界桩状态", vocabulary="stake_state"),
            _f("passed", BOOLEAN, "是否合格"),
            _f("checked_at", DATETIME, "核查时间"),
            _f("note", TEXT, "说明", since=6),
            _f("photo_path", TEXT, "照片文件", since=6),
        ),
    ),
    Table(
        "survey_extents",
        "专项勘测范围",
        "MultiPolygon",
        (
            _f("survey_round", TEXT, "勘测轮次", required=True),
            _f("license_no", TEXT, "许可证号"),
            _f("method", TEXT, "勘测方式", vocabulary="survey_method"),
            _f("surveyed_at", DATE, "勘测日期"),
            _f("elevation_top_m", REAL, "标高上限(m)"),
            _f("elevation_bottom_m", REAL, "标高下限(m)"),
            _f("note", TEXT, "备注"),
            _f("surveyor", TEXT, "勘测单位/人员", since=5),
            _f("matched_by", TEXT, "矿山关联方式", since=5),
            _f("source_file", TEXT, "来源文件", since=5),
            _f("source_feature", TEXT, "来源要素", since=5),
        ),
    ),
    Table(
        "notices",
        "整改通知书",
        None,
        (
            _f("notice_no", TEXT, "文号", required=True, unique=True),
            _f("license_no", TEXT, "许可证号"),
            _f("holder", TEXT, "采矿权人"),
            _f("patch_no", TEXT, "图斑编号"),
            _f("facts", TEXT, "违法事实"),
            _f("legal_basis", TEXT, "法律依据"),
            _f("requirement", TEXT, "整改要求"),
            _f("deadline", DATE, "整改期限"),
            _f("issued_at", DATE, "签发日期"),
            _f("served_at", DATE, "送达日期"),
            _f("state", TEXT, "状态", vocabulary="notice_state"),
            _f("pdf_path", TEXT, "文书文件"),
        ),
    ),
    Table(
        "ledger_items",
        "问题台账",
        None,
        (
            _f("license_no", TEXT, "许可证号"),
            _f("patch_no", TEXT, "图斑编号"),
            _f("notice_no", TEXT, "整改通知书文号"),
            _f("problem", TEXT, "问题描述", required=True),
            _f("found_at", DATE, "发现日期"),
            _f("state", TEXT, "状态", vocabulary="ledger_state"),
            _f("rectification_done", BOOLEAN, "整改完成"),
            _f("penalty_done", BOOLEAN, "处罚到位"),
            _f("closed_at", DATE, "销号日期"),
            _f("deadline", DATE, "整改期限", since=6),
            _f("source_kind", TEXT, "问题来源", vocabulary="ledger_source", since=6),
            _f("source_key", TEXT, "来源记录", since=6),
            _f("inspection_id", INTEGER, "巡查记录", since=6),
            _f("survey_round", TEXT, "勘测轮次", since=6),
            _f("penalty_required", BOOLEAN, "需行政处罚", since=6),
            _f("decision_no", TEXT, "处罚决定书文号", since=6),
            _f("rectified_on", DATE, "整改完成日期", since=6),
            _f("penalized_on", DATE, "处罚到位日期", since=6),
            _f("note", TEXT, "备注", since=6),
        ),
    ),
    Table(
        "penalty_cases",
        "行政处罚案件",
        None,
        (
            _f("decision_no", TEXT, "处罚决定书文号", required=True, unique=True),
            _f("party", TEXT, "当事人", required=True),
            _f("license_no", TEXT, "许可证号"),
            _f("patch_no", TEXT, "图斑编号"),
            _f("case_no", TEXT, "案件编号"),
            _f("violation_type", TEXT, "违法类型", vocabulary="violation_type"),
            _f("decided_on", DATE, "处罚决定日期", required=True),
            _f("penalty", TEXT, "处罚内容"),
            _f("fine_yuan", REAL, "罚没款(元)"),
            _f("note", TEXT, "备注"),
        ),
        since=6,
        display_expression='"decision_no" || \' \' || "party"',
    ),
    Table(
        "reviews",
        "季度研判",
        None,
        (
            _f("quarter", TEXT, "季度", required=True),
            _f("reviewed_on", DATE, "研判日期", required=True),
            _f("participants", TEXT, "参加人员"),
            _f("conclusion", TEXT, "研判结论"),
            _f("problems_found", INTEGER, "发现问题数"),
        ),
        since=6,
        display_expression='"quarter" || \' \' || "reviewed_on"',
    ),
    Table(
        "audit_log",
        "操作日志",
        None,
        (
            _f("event_time", DATETIME, "时间", required=True),
            _f("user_name", TEXT, "操作人"),
            _f("action", TEXT, "操作", required=True),
            _f("table_name", TEXT, "数据表"),
            _f("feature_key", TEXT, "对象"),
            _f("detail", TEXT, "详情"),
            _f("db_login", TEXT, "数据库登录名", since=7),
        ),
    ),
)

RELATIONS: tuple[Relation, ...] = (
    Relation("right_parcels", "地块", "mining_rights", "license_no", "mining_right_parcels", "license_no"),
    Relation("right_corners", "拐点", "mining_rights", "license_no", "mining_right_corners", "license_no"),
    Relation("right_history", "范围历史", "mining_rights", "license_no", "mining_right_history", "license_no"),
    Relation("right_patches", "图斑", "mining_rights", "license_no", "patches", "license_no"),
    Relation("right_inspections", "巡查核查", "mining_rights", "license_no", "inspections", "license_no"),
    Relation("right_corner_checks", "拐点核查", "mining_rights", "license_no", "corner_checks", "license_no"),
    Relation("right_surveys", "专项勘测", "mining_rights", "license_no", "survey_extents", "license_no"),
    Relation("right_notices", "整改通知书", "mining_rights", "license_no", "notices", "license_no"),
    Relation("right_ledger", "问题台账", "mining_rights", "license_no", "ledger_items", "license_no"),
    Relation("patch_events", "流程记录", "patches", "patch_no", "patch_events", "patch_no"),
    Relation("patch_photos", "现场照片", "patches", "patch_no", "inspection_photos", "patch_no"),
    Relation("patch_inspections", "核查记录", "patches", "patch_no", "inspections", "patch_no"),
    Relation("patch_ledger", "台账", "patches", "patch_no", "ledger_items", "patch_no"),
    Relation("right_penalty_cases", "行政处罚", "mining_rights", "license_no", "penalty_cases", "license_no"),
    Relation("patch_penalty_cases", "行政处罚", "patches", "patch_no", "penalty_cases", "patch_no"),
    Relation("inspection_photos", "照片", "inspections", "fid", "inspection_photos", "inspection_id"),
    Relation("inspection_corner_checks", "拐点核查", "inspections", "fid", "corner_checks", "inspection_id"),
)


def table(name: str) -> Table:
    """The table definition called ``name``."""
    for candidate in TABLES:
        if candidate.name == name:
            return candidate
    raise KeyError(name)


def tables_at(version: int) -> tuple[Table, ...]:
    """Tables that exist in a database at schema ``version``."""
    return tuple(t for t in TABLES if t.since <= version)


@dataclass
class SchemaDiff:
    """What a database at some version lacks compared with the current schema."""

    missing_tables: list[Table] = field(default_factory=list)
    missing_fields: list[tuple[Table, Field]] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not self.missing_tables and not self.missing_fields
