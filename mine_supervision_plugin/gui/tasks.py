"""Long work of the GUI run as QgsTask, with progress and cancel in QGIS's task manager."""

from __future__ import annotations

from qgis.core import QgsApplication, QgsTask

from ..domain.vocab import display_label
from ..i18n import tr
from .context import PluginContext


class PrejudgeDatabaseTask(QgsTask):
    """Pre-judge every patch of the open database in the background, then tell the docks."""

    def __init__(self, context: PluginContext):
        super().__init__(tr("Pre-judging the patches of the supervision database"), QgsTask.CanCancel)
        self.context = context
        self.store = context.store
        self.report = None
        self.error: str | None = None

    def run(self) -> bool:
        from ..analysis.prejudge_store import prejudge_database

        try:
            self.report = prejudge_database(self.store, progress=self.setProgress, is_canceled=self.isCanceled)
        except Exception as error:  # noqa: BLE001 - shown to the user in finished()
            self.error = str(error)
            return False
        return not self.isCanceled()

    def finished(self, result: bool) -> None:
        if self.context is None or self.context.store is not self.store:
            return  # the database was closed or replaced meanwhile
        if not result:
            if self.error:
                self.context.error(tr("Pre-judgment failed: {reason}").format(reason=self.error))
            else:
                self.context.warning(tr("Pre-judgment cancelled; nothing was stored."))
            return
        counts = ", ".join(
            f"{display_label('prejudgment', code)} {count}" for code, count in sorted(self.report.counts.items())
        )
        self.context.success(
            tr("{count} patches pre-judged: {counts}.").format(count=self.report.judged, counts=counts)
        )
        for warning in self.report.warnings[:5]:
            self.context.warning(warning)
        self.context.dataChanged.emit("patches")


def start_prejudge_database(context: PluginContext) -> PrejudgeDatabaseTask | None:
    """Queue the pre-judgment of the open database; a message when none is open."""
    if context.store is None:
        context.warning(tr("Open a supervision database first."))
        return None
    task = PrejudgeDatabaseTask(context)
    QgsApplication.taskManager().addTask(task)
    return task


class CallTask(QgsTask):
    """Run ``function`` off the main thread; ``done(result, error)`` is called on the main thread after it.

    Setting ``done`` to None drops the answer (the dock asked again, or was unloaded).
    """

    #: tasks queued or running: their Python side must live until QGIS's task manager is done with them
    alive: set = set()

    def __init__(self, description: str, function, done):
        super().__init__(description, QgsTask.CanCancel)
        self.function, self.done = function, done
        self.result, self.error = None, None
        CallTask.alive.add(self)

    def run(self) -> bool:
        try:
            self.result = self.function()
        except Exception as error:  # noqa: BLE001 - given to done() and shown in words
            self.error = str(error)
            return False
        return not self.isCanceled()

    def finished(self, ok: bool) -> None:
        CallTask.alive.discard(self)
        done, self.done = self.done, None
        if done is not None:
            done(self.result if ok else None, self.error)
