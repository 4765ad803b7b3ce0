"""The history pane of the patches dock: the current patch's events and "Correct last step…".

A mixin of :class:`.patches_dock.PatchesDock`. History is append-only: a
correction is a new event (:func:`~..store.patches.correct_event`), and the
corrected one is shown greyed and struck out. It relies on the dock for
``context``, ``_record``, ``_history``, ``ask_correction``, ``_refused`` and
``_written``.
"""

from __future__ import annotations

from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QBrush, QColor, QFont
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from .. import palette
from ..domain.vocab import display_label as label
from ..domain.workflow import TransitionError
from ..i18n import tr
from ..store.database import StoreError
from ..store.patches import correct_event


class PatchHistoryMixin:
    """History and corrections of the patches dock (see the module's docstring)."""

    # ------------------------------------------------------------------ building
    def _build_history(self, body) -> QWidget:
        """The history table and its "Correct last step…" button, in one widget."""
        self.history_table = QTableWidget(0, 4, body)
        self.history_table.setHorizontalHeaderLabels([tr("Time"), tr("User"), tr("Step"), tr("Reason")])
        self.history_table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.history_table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.history_table.verticalHeader().setVisible(False)
        self.history_table.horizontalHeader().setStretchLastSection(True)
        self.history_table.setWordWrap(False)
        # The whole time fits ("2026-05-14 13:32:07"), in any font.
        time_width = self.history_table.fontMetrics().horizontalAdvance("0000-00-00 00:00:00") + 16
        self.history_table.setColumnWidth(0, time_width)
        self.history_table.setColumnWidth(1, 80)
        self.history_table.setColumnWidth(2, 150)
        self.correct_button = QPushButton(tr("Correct last step…"), body)
        self.correct_button.setToolTip(
            tr("Record a correction of the latest step as a new step; the history is never edited")
        )
        history = QWidget(body)
        history_layout = QVBoxLayout(history)
        history_layout.setContentsMargins(0, 0, 0, 0)
        history_layout.addWidget(self.history_table)
        correct_row = QHBoxLayout()
        correct_row.addStretch(1)
        correct_row.addWidget(self.correct_button)
        history_layout.addLayout(correct_row)
        return history

    def _build_patrols(self, body) -> QWidget:
        """The patrols and field checks that looked at the current patch (the rights panel shows a mine's)."""
        self.patrols_table = QTableWidget(0, 5, body)
        self.patrols_table.setObjectName("patchPatrols")
        self.patrols_table.setHorizontalHeaderLabels(
            [tr("Date"), tr("Kind"), tr("Inspectors"), tr("Finding"), tr("Result")]
        )
        self.patrols_table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.patrols_table.horizontalHeader().setStretchLastSection(True)
        self.patrols_table.verticalHeader().hide()
        return self.patrols_table

    def _show_patrols(self, patrols: list[dict]) -> None:
        table = self.patrols_table
        table.setRowCount(0)
        table.setRowCount(len(patrols))
        for row, patrol in enumerate(patrols):
            day = patrol.get("inspection_date")
            texts = [
                day.isoformat() if hasattr(day, "isoformat") else str(day or ""),
                label("inspection_kind", patrol.get("kind")) if patrol.get("kind") else "",
                patrol.get("inspectors") or "",
                patrol.get("finding") or "",
                patrol.get("result") or "",
            ]
            for column, text in enumerate(texts):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                item.setData(Qt.UserRole, patrol.get("fid"))
                table.setItem(row, column, item)

    def patrol_rows(self) -> list[tuple[str, ...]]:
        """The texts of the patrols pane, row by row (date, kind, inspectors, finding, result)."""
        table = self.patrols_table
        return [tuple(table.item(row, c).text() for c in range(table.columnCount())) for row in range(table.rowCount())]

    def history(self) -> list[dict]:
        """The events of the current patch, as shown in the history pane."""
        return list(self._history)

    def _show_history(self) -> None:
        table = self.history_table
        table.setRowCount(0)
        table.setRowCount(len(self._history))
        grey = QBrush(QColor(palette.CORRECTED_EVENT))
        for row, event in enumerate(self._history):
            when = event.get("event_time")
            when_text = when.strftime("%Y-%m-%d %H:%M:%S") if hasattr(when, "strftime") else str(when or "")
            from_state, to_state = event.get("from_state"), event.get("to_state")
            step = f"{label('patch_state', from_state) if from_state else '—'} → {label('patch_state', to_state)}"
            reason = event.get("reason") or ""
            if event.get("corrects_event") is not None:
                step = tr("correction of #{fid}: {step}").format(fid=event["corrects_event"], step=step)
            items = [
                QTableWidgetItem(when_text),
                QTableWidgetItem(event.get("user_name") or ""),
                QTableWidgetItem(step),
                QTableWidgetItem(reason),
            ]
            tooltip = tr("Step #{fid}").format(fid=event.get("fid"))
            if event.get("corrected_by") is not None:
                tooltip += " — " + tr("corrected by #{fid}").format(fid=event["corrected_by"])
            for column, item in enumerate(items):
                item.setToolTip(tooltip if column != 3 else (reason or tooltip))
                item.setData(Qt.UserRole, event.get("fid"))
                if event.get("corrected_by") is not None:
                    item.setForeground(grey)
                    font = QFont(item.font())
                    font.setStrikeOut(True)
                    item.setFont(font)
                table.setItem(row, column, item)
        if self._history:
            table.scrollToBottom()
        last = self._history[-1] if self._history else None
        self.correct_button.setEnabled(last is not None and last.get("from_state") is not None)

    def history_rows(self) -> list[tuple[str, str, str, str]]:
        """The texts of the history pane, row by row (time, user, step, reason)."""
        table = self.history_table
        return [
            tuple(table.item(row, column).text() for column in range(table.columnCount()))
            for row in range(table.rowCount())
        ]

    def correct_last_step(self) -> int | None:
        """Correct the current patch's latest step by a new event; returns the new event's fid."""
        store, record = self.context.store, self._record
        if store is None or record is None or not self._history:
            return None
        event = self._history[-1]
        if event.get("from_state") is None:
            self.context.info(tr("The issue record of a patch cannot be corrected."))
            return None
        answer = self.ask_correction(self, event, record)
        if answer is None:
            return None
        try:
            fid = correct_event(
                store,
                event["fid"],
                to_state=answer.to_state,
                reason=answer.reason,
                rectification_completed=answer.rectification_completed,
            )
        except TransitionError as error:
            self._refused(record["patch_no"], answer.to_state, error.reasons)
            return None
        except (StoreError, RuntimeError) as error:
            self.context.error(tr("The step was not corrected: {error}").format(error=error))
            return None
        self.context.success(
            tr("Step #{fid} of patch {patch_no} corrected: now {state}.").format(
                fid=event["fid"], patch_no=record["patch_no"], state=label("patch_state", answer.to_state)
            )
        )
        self._written()
        return fid
