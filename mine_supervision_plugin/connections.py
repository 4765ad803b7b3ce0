"""Which supervision database the user means, as QGIS knows it: a GeoPackage or a PostgreSQL connection.

The one place the faces (docks, dialogs, Processing) turn what the user typed
or chose into a store location, shared by ``gui`` and ``processing``:

* a ``.gpkg`` path;
* a PostgreSQL connection: ``service=...``, ``dbname=... host=... port=... user=...``,
  ``PG:...``, ``postgresql://...``;
* the name of a QGIS PostgreSQL connection (Data Source Manager, settings
  ``PostgreSQL/connections/<name>/...``), whose authentication configuration
  (``authcfg``) QGIS's authentication manager resolves here, in the face: the
  store below gets a plain libpq connection and never meets QGIS.

What is kept (the QGIS project, Processing results, messages) is the
:attr:`DatabaseRef.reference`: the file, the connection's name, or the
connection string with its password removed; the QGIS layers use
:attr:`DatabaseRef.qgis_connection` (a service or an ``authcfg``, never a
password). A password the user typed is used for this session only.

A connection that holds no password (none saved, no authentication
configuration) and that the server refuses: the desktop asks for the user name
and password with QGIS's own credentials dialog (``QgsCredentials``, the one
QGIS's layers use, so they connect with the same answer) when its faces pass
``ask_password=True``; Processing and ``qgis_process`` cannot ask and refuse in
words, saying how to save the credentials.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from qgis.core import QgsDataSourceUri, QgsSettings

from .i18n import tr
from .store.database import (
    CredentialsRefused,
    StoreError,
    SupervisionStore,
    create_database,
    is_postgres,
    open_database,
    postgres_location,
    redact_password,
    without_password,
)

SETTINGS_ROOT = "PostgreSQL/connections"
#: How many times the desktop asks again after the server refused what was typed.
PASSWORD_ATTEMPTS = 3
T = TypeVar("T")
# A password typed in a connection string is used for this session only: what is kept (projects, results,
# the Processing dialog's parameters) is the reference without it, found here again until QGIS closes.
_session_locations: dict[str, str] = {}


@dataclass(frozen=True)
class DatabaseRef:
    """A resolved database: where the store connects, what may be kept, what QGIS's layers use."""

    #: the store location (a path, or ``PG:`` + a libpq connection string, with a resolved password if any)
    location: str
    #: what projects, results and messages keep: the path, the QGIS connection's name, or the string without password
    reference: str
    #: the libpq connection string QGIS's ``postgres`` provider uses (service or authcfg, never a password); '' for files
    qgis_connection: str = ""

    @property
    def is_postgres(self) -> bool:
        return bool(self.qgis_connection)


def postgres_connection_names() -> list[str]:
    """The PostgreSQL connections of QGIS's Data Source Manager, sorted."""
    settings = QgsSettings()
    settings.beginGroup(SETTINGS_ROOT)
    try:
        return sorted(settings.childGroups())
    finally:
        settings.endGroup()


def _connection_uri(name: str) -> QgsDataSourceUri:
    """The QgsDataSourceUri of the QGIS PostgreSQL connection ``name`` (settings as QGIS writes them)."""
    settings = QgsSettings()
    key = f"{SETTINGS_ROOT}/{name}/"
    uri = QgsDataSourceUri()
    service = settings.value(key + "service", "") or ""
    host = settings.value(key + "host", "") or ""
    port = str(settings.value(key + "port", "") or "")
    database = settings.value(key + "database", "") or ""
    username = settings.value(key + "username", "") or ""
    password = settings.value(key + "password", "") or ""
    authcfg = settings.value(key + "authcfg", "") or ""
    sslmode = settings.value(key + "sslmode", None)
    ssl = QgsDataSourceUri.SslPrefer
    if sslmode not in (None, ""):
        try:
            ssl = QgsDataSourceUri.SslMode(int(sslmode))
        except (TypeError, ValueError):
            ssl = QgsDataSourceUri.decodeSslMode(str(sslmode))
    if service:
        uri.setConnection(service, database, username, password, ssl, authcfg)
    else:
        uri.setConnection(host, port, database, username, password, ssl, authcfg)
    return uri


def _libpq(uri: QgsDataSourceUri, *, expand: bool) -> str:
    """The libpq connection string of ``uri``; ``expand``: its authcfg resolved into user and password."""
    if expand and uri.authConfigId():
        expanded = uri.connectionInfo(True)  # through QgsApplication.authManager()
        if "password=" not in expanded:
            raise StoreError(
                tr("The authentication configuration {id} of the connection cannot be read: unlock QGIS's "
                   "authentication database (master password) or check the configuration.").format(
                    id=uri.authConfigId())
            )
        return expanded
    return uri.connectionInfo(False)


def _without_password(uri: QgsDataSourceUri) -> str:
    safe = QgsDataSourceUri(uri.connectionInfo(False))
    safe.setPassword("")
    return redact_password(safe.connectionInfo(False)).replace("password=*** ", "").replace(" password=***", "")


def resolve(text: str) -> DatabaseRef:
    """What the user named as a store location and the forms that may be kept; StoreError when it is unknown."""
    text = str(text or "").strip()
    if not text:
        raise StoreError(tr("No supervision database was given."))
    if text in postgres_connection_names():
        uri = _connection_uri(text)
        if not uri.password() and not uri.authConfigId() and text in _session_locations:
            return _session_locations[text]  # its password was asked for earlier this session
        if uri.password():  # saved in QGIS's settings as plain text: the project's layers get it this session
            _remember_credentials(_without_password(uri), uri)
        return DatabaseRef(postgres_location(_libpq(uri, expand=True)), text, _without_password(uri))
    if text in _session_locations:
        return _session_locations[text]
    if is_postgres(text):
        typed = postgres_location(text)[3:]
        conninfo = _uri_to_conninfo(typed) if typed.startswith(("postgresql://", "postgres://")) else typed
        uri = QgsDataSourceUri(conninfo)
        safe = _without_password(uri)
        kept = without_password(text)  # as the user wrote it, less the password
        ref = DatabaseRef(postgres_location(conninfo), kept, safe)
        if uri.password():
            _session_locations[kept] = ref
            _remember_credentials(safe, uri)
        return ref
    return DatabaseRef(text, text)


def _remember_credentials(conninfo: str, uri: QgsDataSourceUri) -> None:
    """Let QGIS's ``postgres`` layers of ``conninfo`` (kept without password) connect this session.

    The provider asks QgsCredentials for the password of its connection string when the server wants
    one; the cache answers without a dialog and without writing the password anywhere.
    """
    from qgis.core import QgsCredentials

    realm = QgsDataSourceUri(conninfo).connectionInfo(False)
    QgsCredentials.instance().put(realm, uri.username(), uri.password())


def _uri_to_conninfo(url: str) -> str:
    """A ``postgresql://user:pw@host:port/db?k=v`` URI as ``key=value`` pairs (QgsDataSourceUri reads only those)."""
    from urllib.parse import parse_qsl, unquote, urlsplit

    parts = urlsplit(url)
    pairs = []
    for key, value in (("host", parts.hostname), ("port", parts.port), ("dbname", parts.path.lstrip("/")),
                       ("user", parts.username), ("password", parts.password)):
        if value not in (None, ""):
            pairs.append((key, unquote(str(value))))
    pairs += parse_qsl(parts.query)
    return " ".join(f"{key}='{_escape(value)}'" for key, value in pairs)


def _escape(value: str) -> str:
    return re.sub(r"(['\\])", r"\\\1", str(value))


def _looks_like_a_connection_name(text: str) -> bool:
    """A bare name (no folder, no .gpkg) that is no file here."""
    path = Path(text)
    return path.suffix.lower() != ".gpkg" and len(path.parts) == 1 and not path.exists()


def _attach(store: SupervisionStore, ref: DatabaseRef) -> SupervisionStore:
    store.reference = ref.reference if ref.is_postgres else ""
    store.qgis_connection = ref.qgis_connection
    return store


def open_store(text: str, *, migrate: bool = True, ask_password: bool = False) -> SupervisionStore:
    """Open (and migrate) the supervision database ``text`` names (see :func:`resolve`).

    ``ask_password``: the desktop's faces; a connection without a saved password that the server refuses is
    asked for with QGIS's credentials dialog (see :func:`_with_credentials`).
    """
    ref = resolve(text)
    if not ref.is_postgres and _looks_like_a_connection_name(ref.location):
        # e.g. a project made on a machine that has this QGIS connection, opened on one that has not
        raise StoreError(tr("{name} is neither a file nor one of QGIS's PostgreSQL connections: add the connection "
                            "in the Data Source Manager (PostgreSQL) under this name, or open the file.").format(
            name=ref.location))
    store, used = _with_credentials(ref, lambda location: open_database(location, migrate=migrate), ask_password)
    return _attach(store, used)


def create_store(text: str, crs_epsg: int, *, ask_password: bool = False) -> DatabaseRef:
    """Create the supervision database ``text`` names; its reference (a new .gpkg gets its suffix)."""
    ref = resolve(text)
    location, used = _with_credentials(ref, lambda target: create_database(target, crs_epsg), ask_password)
    if ref.is_postgres:
        return used
    return DatabaseRef(location, location)


def _holds_password(ref: DatabaseRef) -> bool:
    """True when the connection brings its own secret (a password, resolved or typed): nothing to ask then."""
    return bool(QgsDataSourceUri(ref.location[3:]).password())


def _with_credentials(ref: DatabaseRef, attempt: Callable[[str], T], ask_password: bool) -> tuple[T, DatabaseRef]:
    """``attempt(location)``; when the server refuses a connection that holds no password, ask for one (desktop).

    QGIS's credentials dialog is asked under the realm QGIS's ``postgres`` layers of this database ask under,
    so an answer given to either serves both; a refused answer is asked again (up to
    :data:`PASSWORD_ATTEMPTS`), an accepted one kept for this session only. Without ``ask_password``
    (Processing, ``qgis_process``: no one to ask) the refusal says how to save the credentials.
    """
    try:
        return attempt(ref.location), ref
    except CredentialsRefused as error:
        if not ref.is_postgres or _holds_password(ref):
            raise
        if not ask_password:
            raise StoreError(str(error) + " " + tr(
                "The connection holds no password and Processing cannot ask for one: save the credentials in an "
                "authentication configuration of the QGIS connection (Data Source Manager, PostgreSQL), or use a "
                "service with a password file, then run it again.")) from error
        refusal = str(error)
    from qgis.core import QgsCredentials

    realm = QgsDataSourceUri(ref.qgis_connection).connectionInfo(False)
    uri = QgsDataSourceUri(ref.location[3:])
    username = uri.username()
    credentials = QgsCredentials.instance()
    for _ in range(PASSWORD_ATTEMPTS):
        credentials.lock()  # QGIS's providers ask one at a time: so do we
        try:
            given, username, password = credentials.get(
                realm, username, "", tr("The server asks for the password of {database}: {reason}").format(
                    database=ref.reference, reason=refusal))
        finally:
            credentials.unlock()
        if not given:
            raise StoreError(tr("No password was given for {database}; it was not opened.").format(
                database=ref.reference))
        typed = QgsDataSourceUri(uri.connectionInfo(False))
        typed.setUsername(username)
        typed.setPassword(password)
        used = DatabaseRef(postgres_location(typed.connectionInfo(False)), ref.reference, ref.qgis_connection)
        try:
            result = attempt(used.location)
        except CredentialsRefused as error:
            refusal = str(error)
            continue
        credentials.put(realm, username, password)  # QGIS's layers of this database connect with it this session
        _session_locations[ref.reference] = used
        return result, used
    raise StoreError(refusal)
