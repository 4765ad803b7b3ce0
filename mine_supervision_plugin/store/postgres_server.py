"""What a shared PostgreSQL/PostGIS supervision database enforces by itself: audit, a protected log, roles.

The plugin is one client among others (QGIS's attribute table, psql, a script):
rules that must hold whoever writes are kept by the server, installed here
when the database is created or migrated (:func:`install`, idempotent):

* **Audit** (triggers): every workflow transition (``patches.state``) and
  every change of a key field of patches, mining rights and ledger items, and
  every deletion of such a row, is appended to ``audit_log`` by the server,
  with the database user (``session_user``) and the time, whoever made it.
  Actions ``db_transition`` / ``db_update`` / ``db_delete``; the detail is JSON
  ``{"op", "fid", "changes": {field: [old, new]}}`` (a boundary as its areas in m²).
* **A log that cannot be rewritten**: ordinary roles may only read and append
  ``audit_log``; UPDATE, DELETE and TRUNCATE are refused by privileges, and by
  triggers even for the table's owner. Every row appended, the plugin's own
  included, is stamped with the login (``db_login`` = ``session_user``) by a
  trigger, beside the plugin's user-name setting in ``user_name``.
* **Roles** (row-level security): three group roles ``ms_county``,
  ``ms_city`` and ``ms_province``; each login belongs to one and has its
  administrative code in ``ms_roles`` (:func:`create_login`). A county reads
  and writes the rows of its own code (``county_code`` of mining rights and
  patches; other tables through their licence or patch number, or their
  patrol); a city reads its counties (codes sharing its 4-digit prefix) and
  writes its spot checks (inspections of kind ``joint_check`` and their
  photos and corner checks); a province reads everything. The owner (the
  administrator who created the database) is not restricted.

Statements go through the caller's OGR connection and transaction
(``ExecuteSQL``): creating the schema, its server-side rules and a login
commits or rolls back as one, with no second driver for the plugin to ship.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import re
import unicodedata
from collections.abc import Iterable, Mapping

from osgeo import ogr

from ..i18n import tr
from .database import StoreError, _ogr_name, redact_password
from .schema import SCHEMA_VERSION, tables_at

ROLES_TABLE = "ms_roles"
LEVELS = ("county", "city", "province")
GROUP_ROLES = {"county": "ms_county", "city": "ms_city", "province": "ms_province"}
SPOT_CHECK_KIND = "joint_check"

#: Audited tables: the key that names a row in ``audit_log.feature_key``, and the key fields.
AUDITED: dict[str, tuple[str, tuple[str, ...]]] = {
    "patches": ("patch_no", ("state", "determination", "violation_type", "license_no", "notice_no")),
    "mining_rights": ("license_no", ("geom", "status", "valid_to", "holder")),
    "ledger_items": ("fid", ("state", "rectification_done", "penalty_done", "closed_at")),
}

_TABLES_WITH_CODE = ("mining_rights", "patches")
_READ_ONLY_TABLES = ("monitoring_zones",)
_SPECIAL_TABLES = ("audit_log", "ms_meta")
_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")


class RoleError(StoreError):
    """A login that cannot be created, worded for the user."""


# --- SQL building -------------------------------------------------------------------------


def _ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _literal(text: str) -> str:
    return "'" + str(text).replace("'", "''") + "'"


def _mine(level: str, column: str = "region_code") -> str:
    """SQL: the current login's ``column`` in ``ms_roles`` when it has ``level`` (NULL otherwise), computed once per query."""
    return (f"(SELECT m.{column} FROM {ROLES_TABLE} m WHERE m.role_name = current_user::text "
            f"AND m.level = {_literal(level)})")


def _in_scope(code: str, levels: Iterable[str]) -> str:
    """SQL: the administrative code ``code`` is in the current login's region, for a login of one of ``levels``.

    Each part compares with an uncorrelated sub-select (an InitPlan, computed
    once per query), so the test costs a comparison per row, and a county's
    filter can use the index on ``county_code``.
    """
    parts = []
    if "province" in levels:
        parts.append(f"EXISTS {_mine('province')}")
    if "city" in levels:
        parts.append(f"left({code}, 4) = left({_mine('city')}, 4)")
    if "county" in levels:
        parts.append(f"{code} = {_mine('county')}")
    return "(" + " OR ".join(parts) + ")"


#: Columns that may hold a comma-separated list of numbers (a notice for several licences or patches).
_LIST_COLUMNS = {("notices", "license_no"), ("notices", "patch_no")}


def _through_keys(table: str, columns: set[str], levels: Iterable[str], alias: str | None = None) -> list[str]:
    """SQL conditions: a row of ``table`` (as ``alias``) names a licence or patch in scope."""
    levels = tuple(levels)
    row = _ident(alias or table)
    found = []
    for column, parent, short in (("license_no", "mining_rights", "r"), ("patch_no", "patches", "p")):
        if column not in columns:
            continue
        in_scope = _in_scope(f"{short}.county_code", levels)
        if (table, column) in _LIST_COLUMNS:
            found.append(
                f"EXISTS (SELECT 1 FROM {parent} {short} WHERE {short}.{column} = "
                f"ANY (string_to_array({row}.{column}, ',')) AND {in_scope})"
            )
        else:  # uncorrelated: hashed once per query, not looked up per row
            found.append(f"{row}.{column} IN (SELECT {short}.{column} FROM {parent} {short} WHERE {in_scope})")
    return found


def _inspection_write(alias: str | None, columns: set[str]) -> str:
    """SQL: an inspection row may be written: a county's own, or a city's spot check in its counties."""
    parts = _through_keys("inspections", columns, ("county",), alias)
    city = _through_keys("inspections", columns, ("city",), alias)
    if city:
        parts.append(f"({_ident(alias or 'inspections')}.kind = {_literal(SPOT_CHECK_KIND)} AND ({' OR '.join(city)}))")
    return " OR ".join(parts) or "false"


def _policies(table: str, columns: set[str], inspection_columns: set[str]) -> tuple[str, str] | None:
    """(read, write) conditions of ``table``; None for tables without row-level security."""
    if table in _SPECIAL_TABLES:
        return None
    if table in _READ_ONLY_TABLES:
        return "true", "false"
    if "county_code" in columns:
        return _in_scope("county_code", LEVELS), _in_scope("county_code", ("county",))
    read = _through_keys(table, columns, LEVELS)
    if table == "inspections":
        return " OR ".join([f"EXISTS {_mine('province')}", *read]), _inspection_write(None, columns)
    write = _through_keys(table, columns, ("county",))
    if "inspection_id" in columns and inspection_columns:
        # A photo or corner check of a patrol the user may see / write.
        row = _ident(table)
        read.append(f"{row}.inspection_id IN (SELECT i.fid FROM inspections i)")
        write.append(
            f"{row}.inspection_id IN (SELECT i.fid FROM inspections i WHERE {_inspection_write('i', inspection_columns)})"
        )
    if not read:
        return "true", "false"  # nothing ties it to a region: everyone reads, only the owner writes
    # A province reads every row: said first, so its queries skip the look-ups through licences and patches.
    return " OR ".join([f"EXISTS {_mine('province')}", *read]), " OR ".join(write) or "false"


def _audit_function(table: str, key: str, fields: Iterable[str]) -> str:
    """The trigger function appending ``table``'s key-field changes to ``audit_log``."""
    fields = list(fields)
    checks, deleted = [], []
    for name in fields:
        column = _ident(name)
        if name == "geom":
            old, new = "round(ST_Area(OLD.geom)::numeric, 1)", "round(ST_Area(NEW.geom)::numeric, 1)"
        else:
            old, new = f"OLD.{column}", f"NEW.{column}"
        checks.append(
            f"IF OLD.{column} IS DISTINCT FROM NEW.{column} THEN "
            f"changes := changes || jsonb_build_object({_literal(name)}, jsonb_build_array({old}, {new})); END IF;"
        )
        deleted.append(f"{_literal(name)}, jsonb_build_array({old}, NULL)")
    transition = "'db_transition'" if "state" in fields and table == "patches" else "'db_update'"
    # Tested by the trigger itself: an update that leaves every key field as it was costs no function call.
    changed = " OR ".join(f"OLD.{_ident(name)} IS DISTINCT FROM NEW.{_ident(name)}" for name in fields) or "false"
    return f"""
CREATE OR REPLACE FUNCTION ms_audit_{table}() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    changes jsonb := '{{}}'::jsonb;
    row_key text;
    what text;
    row_fid bigint;
BEGIN
    IF TG_OP = 'DELETE' THEN
        changes := jsonb_build_object({', '.join(deleted)});
        row_key := OLD.{_ident(key)}::text;
        row_fid := OLD.fid;
        what := 'db_delete';
    ELSE
        {' '.join(checks)}
        IF changes = '{{}}'::jsonb THEN
            RETURN NULL;
        END IF;
        row_key := NEW.{_ident(key)}::text;
        row_fid := NEW.fid;
        what := CASE WHEN changes ? 'state' THEN {transition} ELSE 'db_update' END;
    END IF;
    INSERT INTO audit_log (event_time, user_name, action, table_name, feature_key, detail)
    VALUES (now(), session_user, what, TG_TABLE_NAME, row_key,
            jsonb_build_object('op', TG_OP, 'fid', row_fid, 'changes', changes)::text);
    RETURN NULL;
END $$;
DROP TRIGGER IF EXISTS ms_audit ON {_ident(table)};
CREATE TRIGGER ms_audit AFTER UPDATE ON {_ident(table)}
    FOR EACH ROW WHEN ({changed}) EXECUTE FUNCTION ms_audit_{table}();
DROP TRIGGER IF EXISTS ms_audit_delete ON {_ident(table)};
CREATE TRIGGER ms_audit_delete AFTER DELETE ON {_ident(table)}
    FOR EACH ROW EXECUTE FUNCTION ms_audit_{table}();
"""


_APPEND_ONLY = """
CREATE OR REPLACE FUNCTION ms_audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only: % refused for %', TG_OP, session_user
        USING ERRCODE = 'insufficient_privilege';
END $$;
DROP TRIGGER IF EXISTS ms_append_only ON audit_log;
CREATE TRIGGER ms_append_only BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION ms_audit_log_append_only();
DROP TRIGGER IF EXISTS ms_no_truncate ON audit_log;
CREATE TRIGGER ms_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION ms_audit_log_append_only();
CREATE INDEX IF NOT EXISTS ix_audit_log_row ON audit_log (table_name, feature_key);
REVOKE ALL ON audit_log FROM PUBLIC;
"""

# Only the logins given access (create_login) connect; owners and superusers always may.
_PRIVATE_DATABASE = """
DO $$ BEGIN
    EXECUTE format('REVOKE CONNECT ON DATABASE %I FROM PUBLIC', current_database());
EXCEPTION WHEN insufficient_privilege THEN
    RAISE NOTICE 'not the owner of the database: CONNECT left as it is';
END $$;
"""
# Before PostgreSQL 15 everyone may create objects in ``public``: nobody but its owner shall (trigger functions run there).
_PRIVATE_SCHEMA = """
DO $$ BEGIN
    REVOKE CREATE ON SCHEMA public FROM PUBLIC;
EXCEPTION WHEN insufficient_privilege THEN
    RAISE NOTICE 'not the owner of schema public: CREATE left as it is';
END $$;
"""


def _group_roles() -> str:
    # Group roles belong to the whole server (every database on it shares them): created once, by whoever may.
    blocks = []
    for role in GROUP_ROLES.values():
        blocks.append(
            f"DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = {_literal(role)}) THEN "
            f"CREATE ROLE {role} NOLOGIN; END IF; "
            f"EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$"
        )
    return ";\n".join(blocks) + ";"


_ROLES_TABLE = f"""
CREATE TABLE IF NOT EXISTS {ROLES_TABLE} (
    role_name text PRIMARY KEY,
    level text NOT NULL CHECK (level IN ('county', 'city', 'province')),
    region_code text NOT NULL DEFAULT '',
    created_at timestamptz NOT NULL DEFAULT now(),
    created_by text NOT NULL DEFAULT session_user
);
ALTER TABLE {ROLES_TABLE} ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS ms_own ON {ROLES_TABLE};
CREATE POLICY ms_own ON {ROLES_TABLE} FOR SELECT USING (role_name = current_user::text);
"""


_LOGIN_STAMP = """
CREATE OR REPLACE FUNCTION ms_audit_log_login() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.db_login := session_user;
    RETURN NEW;
END $$;
DROP TRIGGER IF EXISTS ms_login ON audit_log;
CREATE TRIGGER ms_login BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION ms_audit_log_login();
"""


def server_sql(columns_by_table: Mapping[str, set[str]]) -> list[str]:
    """Every statement of :func:`install` for the tables (and their columns) of a database."""
    statements = [_group_roles(), _ROLES_TABLE, _PRIVATE_DATABASE, _PRIVATE_SCHEMA]
    if "audit_log" in columns_by_table:
        statements.append(_APPEND_ONLY)
    if "db_login" in columns_by_table.get("audit_log", ()):
        # the login is the server's word, not the client's: whatever a writer sends, the row names who connected
        statements.append(_LOGIN_STAMP)
    for table, (key, fields) in AUDITED.items():
        columns = columns_by_table.get(table)
        if columns is not None:
            statements.append(_audit_function(table, key, [f for f in fields if f in columns]))
    groups = ", ".join(GROUP_ROLES.values())
    county, city = GROUP_ROLES["county"], GROUP_ROLES["city"]
    grants = [
        f"GRANT USAGE ON SCHEMA public TO {groups}",
        f"GRANT SELECT ON {ROLES_TABLE} TO {groups}",
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {groups}",
    ]
    inspection_columns = set(columns_by_table.get("inspections", ()))
    for table, columns in columns_by_table.items():
        if "county_code" in columns:  # a county's rows are found by it (row-level security)
            statements.append(f"CREATE INDEX IF NOT EXISTS {_ident('ix_' + table + '_county_code')} "
                              f"ON {_ident(table)} (county_code)")
    for table, columns in columns_by_table.items():
        name = _ident(table)
        grants.append(f"GRANT SELECT ON {name} TO {groups}")
        if table == "audit_log":
            grants.append(f"GRANT INSERT ON {name} TO {groups}")
            continue
        if table == "ms_meta":
            # Document-number counters (see notices.issuing) and the checkout records of the login's own county
            # (store.checkout: field work is the county's); the schema record stays the owner's. CASE: a value is
            # read as JSON only for a checkout key (SQL's AND promises no order).
            grants.append(f"GRANT INSERT, UPDATE ON {name} TO {county}")
            checkout_county = "(CASE WHEN key LIKE 'checkout:%' THEN value::jsonb ->> 'county' END)"
            allowed = (f"(key LIKE 'notice\\_sequence|%' OR (key LIKE 'checkout:%' AND "
                       f"{_in_scope(checkout_county, ('county',))}))")
            statements.append(
                f"ALTER TABLE {name} ENABLE ROW LEVEL SECURITY;\n"
                f"DROP POLICY IF EXISTS ms_read ON {name}; CREATE POLICY ms_read ON {name} FOR SELECT USING (true);\n"
                f"DROP POLICY IF EXISTS ms_counter ON {name}; CREATE POLICY ms_counter ON {name} FOR ALL "
                f"USING {allowed} WITH CHECK {allowed};"
            )
            continue
        policy = _policies(table, set(columns), inspection_columns)
        if policy is None:
            continue
        read, write = policy
        if write != "false":
            grants.append(f"GRANT INSERT, UPDATE, DELETE ON {name} TO {county}")
            if table == "inspections" or ("inspection_id" in columns and table != "inspections"):
                grants.append(f"GRANT INSERT, UPDATE, DELETE ON {name} TO {city}")
        statements.append(
            f"ALTER TABLE {name} ENABLE ROW LEVEL SECURITY;\n"
            f"DROP POLICY IF EXISTS ms_read ON {name}; CREATE POLICY ms_read ON {name} FOR SELECT USING ({read});\n"
            f"DROP POLICY IF EXISTS ms_insert ON {name}; CREATE POLICY ms_insert ON {name} FOR INSERT WITH CHECK ({write});\n"
            f"DROP POLICY IF EXISTS ms_update ON {name}; CREATE POLICY ms_update ON {name} FOR UPDATE "
            f"USING ({write}) WITH CHECK ({write});\n"
            f"DROP POLICY IF EXISTS ms_delete ON {name}; CREATE POLICY ms_delete ON {name} FOR DELETE USING ({write});"
        )
    # Grants name the group roles: skipped (with a notice) where they could not be created for want of CREATEROLE.
    body = " ".join(f"EXECUTE {_literal(grant)};" for grant in grants)
    statements.append(
        "DO $$ BEGIN IF (SELECT count(*) FROM pg_roles WHERE rolname IN "
        f"({', '.join(_literal(r) for r in GROUP_ROLES.values())})) = {len(GROUP_ROLES)} THEN "
        f"{body} ELSE RAISE NOTICE 'roles ms_county/ms_city/ms_province missing: no grants'; "
        "END IF; END $$;"
    )
    return statements


def _columns(source: ogr.DataSource, version: int) -> dict[str, set[str]]:
    """The tables of the schema at ``version`` present in ``source``, with their columns (``geom`` included)."""
    found: dict[str, set[str]] = {}
    for spec in tables_at(version):
        layer = source.GetLayerByName(spec.name)
        if layer is None:
            continue
        definition = layer.GetLayerDefn()
        columns = {definition.GetFieldDefn(i).GetName() for i in range(definition.GetFieldCount())}
        if definition.GetGeomFieldCount():
            columns.add(layer.GetGeometryColumn() or "geom")
        found[spec.name] = columns
    meta = source.GetLayerByName("ms_meta")
    if meta is not None:
        found["ms_meta"] = {"key", "value"}
    return found


def install(source: ogr.DataSource, version: int = SCHEMA_VERSION) -> None:
    """Install (or bring up to date) the audit triggers, the protected log, roles and row-level security.

    Runs in the caller's transaction on a PostgreSQL data source; idempotent, so
    a migration runs it again for the tables it added.
    """
    for statement in server_sql(_columns(source, version)):
        source.ExecuteSQL(statement)


# --- logins ---------------------------------------------------------------------------------


def scram_verifier(password: str, *, iterations: int = 4096, salt: bytes | None = None) -> str:
    """The SCRAM-SHA-256 verifier PostgreSQL stores for ``password``: the password itself never reaches the server.

    (So no server log, ``pg_stat_statements`` or replica ever holds it.)
    """
    # PostgreSQL prepares passwords with SASLprep; NFKC is its normalisation step (enough for real passwords).
    prepared = unicodedata.normalize("NFKC", password).encode("utf-8")
    salt = salt or os.urandom(16)
    salted = hashlib.pbkdf2_hmac("sha256", prepared, salt, iterations)
    client_key = hmac.new(salted, b"Client Key", hashlib.sha256).digest()
    stored_key = hashlib.sha256(client_key).digest()
    server_key = hmac.new(salted, b"Server Key", hashlib.sha256).digest()
    b64 = lambda data: base64.b64encode(data).decode("ascii")  # noqa: E731
    return f"SCRAM-SHA-256${iterations}:{b64(salt)}${b64(stored_key)}:{b64(server_key)}"


def _region(level: str, region_code: str) -> str:
    code = (region_code or "").strip()
    if level == "county":
        if not re.fullmatch(r"\d{6}", code):
            raise RoleError(tr("A county login needs the county's 6-digit administrative code (e.g. 130102), not '{code}'.").format(code=code))
        return code
    if level == "city":
        if not re.fullmatch(r"\d{4}(\d{2})?", code):
            raise RoleError(tr("A city login needs the city's 4- or 6-digit administrative code (e.g. 1301 or 130100), not '{code}'.").format(code=code))
        return code[:4]
    if code and not re.fullmatch(r"\d{2}(\d{4})?", code):
        raise RoleError(tr("A province's administrative code is 2 or 6 digits (e.g. 13 or 130000), not '{code}'.").format(code=code))
    return code[:2]


def create_login(location: str, name: str, password: str | None, level: str, region_code: str = "") -> dict:
    """Create a login ``name`` for a county, city or province on the shared database ``location``; return its record.

    ``location``: the database as its administrator (a role with CREATEROLE that
    owns the tables) connects to it. ``password``: the login's password, sent
    to the server as a SCRAM verifier only; None gives an existing server login
    (one that works on another database of the same server) access to this one.
    The login, its group role and its region are written in one transaction.
    """
    name = (name or "").strip()
    if not _NAME.fullmatch(name):
        raise RoleError(
            tr("'{name}' cannot be a login name: use lower-case letters, digits and _ (at most 63, not starting with a digit).").format(name=name)
        )
    if name in GROUP_ROLES.values() or name.startswith("pg_"):
        raise RoleError(tr("'{name}' is a reserved role name.").format(name=name))
    if level not in LEVELS:
        raise RoleError(tr("Unknown level '{level}': county, city or province.").format(level=level))
    if password is not None and len(password) < 8:
        raise RoleError(tr("The password of {name} is too short: at least 8 characters.").format(name=name))
    region = _region(level, region_code)
    shown = redact_password(location)
    try:
        source = ogr.Open(_ogr_name(location), update=1)
    except RuntimeError as error:
        raise RoleError(tr("{path} cannot be opened: {reason}").format(path=shown, reason=redact_password(str(error)))) from None
    try:
        result = source.ExecuteSQL(f"SELECT count(*) AS n FROM pg_roles WHERE rolname = {_literal(name)}")
        exists = int(result.GetNextFeature().GetField(0)) > 0
        source.ReleaseResultSet(result)
        if exists and password is not None:
            raise RoleError(
                tr("A login {name} already exists on this server: choose another name, or leave the password empty to give that login access to this database.").format(name=name)
            )
        if not exists and password is None:
            raise RoleError(tr("There is no login {name} on this server: give it a password to create it.").format(name=name))
        source.StartTransaction()
        try:
            if not exists:
                source.ExecuteSQL(
                    f"CREATE ROLE {_ident(name)} LOGIN INHERIT PASSWORD {_literal(scram_verifier(password))}"
                )
            source.ExecuteSQL(f"GRANT {GROUP_ROLES[level]} TO {_ident(name)}")
            source.ExecuteSQL(
                f"INSERT INTO {ROLES_TABLE} (role_name, level, region_code) VALUES "
                f"({_literal(name)}, {_literal(level)}, {_literal(region)}) ON CONFLICT (role_name) DO UPDATE "
                "SET level = EXCLUDED.level, region_code = EXCLUDED.region_code, created_at = now(), created_by = session_user"
            )
            database = source.ExecuteSQL("SELECT current_database() AS d")
            dbname = database.GetNextFeature().GetField(0)
            source.ReleaseResultSet(database)
            source.ExecuteSQL(f"GRANT CONNECT ON DATABASE {_ident(dbname)} TO {_ident(name)}")
        except RuntimeError as error:
            source.RollbackTransaction()
            raise RoleError(
                tr("The login {name} was not created: {reason}. Nothing was changed.").format(
                    name=name, reason=redact_password(str(error)).replace(password or "\0", "***")
                )
            ) from None
        source.CommitTransaction()
    finally:
        source = None
    return {"role_name": name, "level": level, "region_code": region, "group": GROUP_ROLES[level]}
