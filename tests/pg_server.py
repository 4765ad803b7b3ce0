"""A throwaway PostgreSQL 15 + PostGIS 3 server for the tests, on a loopback port.

``make test`` installs Debian's ``postgresql-15-postgis-3``; the tests start a
cluster of their own in a temporary folder (never the machine's cluster), use it
and stop it. PostgreSQL refuses to run as root, so under root (CI, containers) the
cluster belongs to the ``postgres`` system user Debian's package creates.

Use :func:`start_server` (or the ``pg_server`` fixture of ``tests/conftest.py``).
"""

from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

PG_BIN = Path(os.environ.get("MS_PG_BIN", "/usr/lib/postgresql/15/bin"))
SUPERUSER = "ms_admin"
SUPERUSER_PASSWORD = "ms-admin-test-password"


class ServerUnavailable(RuntimeError):
    """PostgreSQL or PostGIS is not installed on this machine."""


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _as_cluster_owner(command: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return command
    return ["runuser", "-u", "postgres", "--", *command]


@dataclass
class PgServer:
    """A running throwaway cluster: connect with :meth:`dsn` / :meth:`ogr_target`."""

    port: int
    folder: Path
    databases: list[str] = field(default_factory=list)

    def dsn(self, dbname: str = "postgres", user: str = SUPERUSER, password: str = SUPERUSER_PASSWORD) -> str:
        """A libpq connection string (what psycopg2 and ``PG:`` take)."""
        return f"dbname={dbname} host=127.0.0.1 port={self.port} user={user} password={password}"

    def ogr_target(self, dbname: str, user: str = SUPERUSER, password: str = SUPERUSER_PASSWORD) -> str:
        """The store location of database ``dbname`` (``PG:...``)."""
        return "PG:" + self.dsn(dbname, user, password)

    def psql(self, sql: str, dbname: str = "postgres", user: str = SUPERUSER, password: str = SUPERUSER_PASSWORD) -> str:
        """Run ``sql`` with psql and return what it printed (tuples only, unaligned)."""
        result = subprocess.run(
            [str(PG_BIN / "psql"), "-X", "-q", "-t", "-A", "-v", "ON_ERROR_STOP=1", "-d", self.dsn(dbname, user, password), "-c", sql],
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode != 0:
            raise RuntimeError(f"psql failed: {result.stderr.strip()}")
        return result.stdout.strip()

    def create_database(self, name: str, *, postgis: bool = True) -> str:
        """A new empty database (with the PostGIS extension); returns its store location."""
        self.psql(f'CREATE DATABASE "{name}"')
        if postgis:
            self.psql("CREATE EXTENSION IF NOT EXISTS postgis", dbname=name)
        self.databases.append(name)
        return self.ogr_target(name)

    def stop(self) -> None:
        subprocess.run(_as_cluster_owner([str(PG_BIN / "pg_ctl"), "-D", str(self.folder / "data"), "-m", "immediate", "-w", "stop"]),
                       capture_output=True, check=False)
        shutil.rmtree(self.folder, ignore_errors=True)


def start_server() -> PgServer:
    """Initialise and start a cluster on a free loopback port (password authentication)."""
    if not (PG_BIN / "initdb").exists():
        raise ServerUnavailable(f"PostgreSQL is not installed ({PG_BIN / 'initdb'} missing): apt-get install postgresql-15-postgis-3")
    if not Path("/usr/share/postgresql/15/extension/postgis.control").exists():
        raise ServerUnavailable("PostGIS is not installed: apt-get install postgresql-15-postgis-3")
    folder = Path(tempfile.mkdtemp(prefix="ms-pg-"))
    folder.chmod(0o755)
    data = folder / "data"
    password_file = folder / "pw"
    password_file.write_text(SUPERUSER_PASSWORD + "\n")
    if os.geteuid() == 0:
        owner = pwd.getpwnam("postgres")
        os.chown(folder, owner.pw_uid, owner.pw_gid)
        os.chown(password_file, owner.pw_uid, owner.pw_gid)
    init = subprocess.run(
        _as_cluster_owner(
            [str(PG_BIN / "initdb"), "-D", str(data), "-U", SUPERUSER, "--pwfile", str(password_file),
             "-A", "scram-sha-256", "-E", "UTF8", "--locale", "C.UTF-8", "--no-sync"]
        ),
        capture_output=True,
        text=True,
        check=False,
    )
    if init.returncode != 0:
        raise RuntimeError(f"initdb failed: {init.stderr.strip()}")
    port = _free_port()
    options = f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=60"
    start = subprocess.run(
        _as_cluster_owner([str(PG_BIN / "pg_ctl"), "-D", str(data), "-o", options, "-l", str(folder / "log"), "-w", "-t", "60", "start"]),
        capture_output=True,
        text=True,
        check=False,
    )
    if start.returncode != 0:
        log = (folder / "log").read_text(errors="replace") if (folder / "log").exists() else ""
        raise RuntimeError(f"PostgreSQL did not start: {start.stderr.strip()} {log[-2000:]}")
    server = PgServer(port, folder)
    deadline = time.monotonic() + 30
    while True:
        try:
            server.psql("SELECT 1")
            break
        except RuntimeError:
            if time.monotonic() > deadline:
                server.stop()
                raise
            time.sleep(0.2)
    return server
