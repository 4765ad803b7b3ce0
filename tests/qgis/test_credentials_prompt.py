"""A QGIS PostgreSQL connection saved without its password (issue 14): the desktop asks for it through QGIS's own
credentials mechanism (QgsCredentials, as QGIS's layers do) and opens the database, its layers connecting with the
same answer; a wrong answer is asked again, a cancel is said in words; Processing refuses in words, asking no one.

The answers come from a QgsCredentials subclass registered as QGIS's instance: QGIS's own way of answering
credential requests without a dialog (what its console tools do), so the plugin's code runs as in the desktop."""

from __future__ import annotations

import uuid

import pytest
from pg_server import SUPERUSER, SUPERUSER_PASSWORD
from qgis.core import QgsCredentials, QgsProject, QgsSettings

from mine_supervision_plugin.connections import SETTINGS_ROOT, open_store
from mine_supervision_plugin.deps import DependencyReport
from mine_supervision_plugin.gui.context import PluginContext
from mine_supervision_plugin.gui.database_dialogs import open_and_load
from mine_supervision_plugin.store.database import StoreError, create_database
from mine_supervision_plugin.store.project import find_layer

pytestmark = pytest.mark.gui


class Answers(QgsCredentials):
    """Answers QGIS's credential requests from a list, as a user would type them; None cancels."""

    def __init__(self, answers: list[str | None]):
        super().__init__()
        self.answers = list(answers)
        self.asked: list[tuple[str, str, str]] = []
        self.previous = QgsCredentials.instance()
        self.setInstance(self)

    def request(self, realm, username, password, message=""):
        self.asked.append((realm, username, message))
        answer = self.answers.pop(0) if self.answers else None
        if answer is None:
            return False, username, password
        return True, username or SUPERUSER, answer

    def requestMasterPassword(self, password, stored=False):  # noqa: N802 - QGIS's name
        return False, password

    def restore(self) -> None:
        self.setInstance(self.previous)


@pytest.fixture
def connection(pg_server, pg_database):
    """A QGIS connection to a new supervision database that keeps the user name but not the password."""
    create_database(pg_database, 4526)
    name = "nopw_" + uuid.uuid4().hex[:6]
    database = pg_database.split("dbname=")[1].split()[0]
    settings = QgsSettings()
    key = f"{SETTINGS_ROOT}/{name}/"
    for field, value in (("host", "127.0.0.1"), ("port", str(pg_server.port)), ("database", database),
                         ("username", SUPERUSER), ("saveUsername", "true"), ("savePassword", "false")):
        settings.setValue(key + field, value)
    yield name
    settings.remove(f"{SETTINGS_ROOT}/{name}")
    QgsProject.instance().clear()


@pytest.fixture
def answering():
    made: list[Answers] = []

    def make(answers):
        made.append(Answers(answers))
        return made[-1]

    yield make
    for answers in reversed(made):
        answers.restore()


def test_the_desktop_asks_for_the_password_and_the_layers_connect_with_it(connection, answering, qgis_iface):
    answers = answering(["not-the-password", SUPERUSER_PASSWORD])
    context = PluginContext(qgis_iface, DependencyReport([]))
    store = open_and_load(context, connection)
    assert store is not None and store.is_postgres and store.shown == connection
    assert len(answers.asked) == 2  # the wrong one refused by the server, asked again
    realm, username, message = answers.asked[0]
    assert username == SUPERUSER and "127.0.0.1" in realm and "password=" not in realm and SUPERUSER_PASSWORD not in realm
    assert connection in message and "no password supplied" in message
    assert "refused the user name or password" in answers.asked[1][2]
    layer = find_layer("patches")
    assert layer is not None and layer.isValid() and layer.providerType() == "postgres"
    assert SUPERUSER_PASSWORD not in layer.source()  # the layers got it from QGIS's credentials, not their source
    assert SUPERUSER_PASSWORD not in store.kept_reference
    # asked once a session: opened again, nobody is asked
    open_store(connection, ask_password=True)
    assert len(answers.asked) == 2


def test_a_cancelled_prompt_is_said_in_words(connection, answering, qgis_iface):
    answers = answering([None])
    context = PluginContext(qgis_iface, DependencyReport([]))
    assert open_and_load(context, connection) is None
    assert len(answers.asked) == 1
    errors = qgis_iface.messageBar().get_messages(2)  # Qgis.Critical
    assert any("No password was given" in text and connection in text for text in errors), errors
    assert not any("Traceback" in text for text in errors)


def test_processing_refuses_in_words_and_asks_no_one(connection, answering):
    answers = answering([SUPERUSER_PASSWORD])
    with pytest.raises(StoreError) as refused:
        open_store(connection)  # as every algorithm opens its DATABASE
    message = str(refused.value)
    assert "Processing cannot ask" in message and "authentication configuration" in message
    assert answers.asked == []
