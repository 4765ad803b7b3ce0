"""minesupervision:createlogin — a login of a county, city or province on the shared PostGIS database.

A thin face over :func:`..store.postgres_server.create_login`. The new
login's password is generated here and written only to the CREDENTIALS sheet
(readable by its owner alone) that the administrator hands over: Processing
records every parameter in its history and log, so no password is ever a
parameter, neither the new login's nor the administrator's (DATABASE is a
``service=`` name or a connection whose password comes from the service or
``.pgpass`` file; one with ``password=`` is refused).
"""

from __future__ import annotations

import os
import re
import secrets

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputString,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterString,
)

from ..i18n import tr
from ..store.database import redact_password
from ..store.postgres_server import GROUP_ROLES, LEVELS, RoleError, create_login
from .base import MineSupervisionAlgorithm, processing_errors

_LEVEL_NAMES = {"county": "县级", "city": "市级", "province": "省级"}


def connection_target(text: str) -> str:
    """The store location of a PostgreSQL connection typed by the user; refused when it holds a password."""
    text = (text or "").strip()
    if not text:
        raise QgsProcessingException(tr("Give the shared database: a service (service=...) or dbname=... host=... user=..."))
    if re.search(r"password\s*=", text, re.IGNORECASE) or re.match(r"postgres(ql)?://[^/@]*:[^/@]*@", text):
        raise QgsProcessingException(
            tr("The connection {connection} holds a password, which Processing would record in its history: "
               "use a service (pg_service.conf) or a .pgpass file for the administrator's password.").format(
                connection=redact_password(text))
        )
    if text.startswith(("PG:", "postgresql://", "postgres://")):
        return text
    return "PG:" + text


class CreateLoginAlgorithm(MineSupervisionAlgorithm):
    NAME = "createlogin"

    def displayName(self) -> str:  # noqa: N802
        return tr("Create a login on the shared database")

    def shortHelpString(self) -> str:  # noqa: N802
        return tr(
            "Creates a PostgreSQL login for a county, city or province on the shared supervision database (run as "
            "its administrator: DATABASE is a service, or dbname=... host=... user=... with the password in a "
            ".pgpass file). A county reads and writes only the rows of its administrative code; a city reads its "
            "counties and writes its spot checks; a province reads everything. A strong password is generated and "
            "written only to CREDENTIALS (a text file readable by you alone) to hand to the user. An existing "
            "login of the same server is given access to this database instead, without a new password."
        )

    def initAlgorithm(self, config=None) -> None:  # noqa: N802
        self.addParameter(QgsProcessingParameterString("DATABASE", tr("Shared database (as its administrator)")))
        self.addParameter(QgsProcessingParameterString("LOGIN", tr("Login name")))
        self.addParameter(
            QgsProcessingParameterEnum("LEVEL", tr("Level"), options=[tr("county"), tr("city"), tr("province")],
                                       defaultValue=0)
        )
        self.addParameter(QgsProcessingParameterString("REGION_CODE", tr("Administrative code"), optional=True))
        self.addParameter(
            QgsProcessingParameterFileDestination("CREDENTIALS", tr("Credentials sheet"), tr("Text files (*.txt)"))
        )
        for name, title in (("LOGIN", tr("Login name")), ("LEVEL", tr("Level")), ("REGION_CODE", tr("Administrative code"))):
            self.addOutput(QgsProcessingOutputString(name, title))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        target = connection_target(self.parameterAsString(parameters, "DATABASE", context))
        login = self.parameterAsString(parameters, "LOGIN", context).strip()
        level = LEVELS[self.parameterAsEnum(parameters, "LEVEL", context)]
        region = self.parameterAsString(parameters, "REGION_CODE", context)
        sheet = self.parameterAsFileOutput(parameters, "CREDENTIALS", context)
        password = secrets.token_urlsafe(12)
        existing = False
        with processing_errors(RoleError):
            try:
                record = create_login(target, login, password, level, region)
            except RoleError as error:
                if "already exists" not in str(error):
                    raise
                record = create_login(target, login, None, level, region)
                existing = True
        shown = redact_password(target[3:] if target.startswith("PG:") else target)
        lines = [
            "矿山监管共享数据库账号 / Shared supervision database login",
            f"数据库 / Database: {shown}",
            f"登录名 / Login: {record['role_name']}",
            f"级别 / Level: {_LEVEL_NAMES[level]} ({level}) {record['region_code']}",
            f"角色 / Group role: {GROUP_ROLES[level]}",
        ]
        if existing:
            lines.append("密码 / Password: 不变（已有账号）/ unchanged (existing login)")
        else:
            lines += [f"密码 / Password: {password}",
                      "首次登录后请修改密码 / Change it after the first login: ALTER ROLE ... PASSWORD ...;"]
        # Created readable by its owner alone, before anything is written into it.
        descriptor = os.open(sheet, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "w", encoding="utf-8") as stream:
            stream.write("\n".join(lines) + "\n")
        feedback.pushInfo(
            tr("Login {login} ({level} {code}) can now connect to {database}; its password is in {sheet}.").format(
                login=record["role_name"], level=level, code=record["region_code"], database=shown, sheet=sheet)
            if not existing
            else tr("The existing login {login} ({level} {code}) can now use {database}.").format(
                login=record["role_name"], level=level, code=record["region_code"], database=shown)
        )
        return {"LOGIN": record["role_name"], "LEVEL": level, "REGION_CODE": record["region_code"], "CREDENTIALS": sheet}
