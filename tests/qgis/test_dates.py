"""One reading of dates for patch batches, licence ledgers, forms, Qt widgets and the pre-judgment."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest
from qgis.PyQt.QtCore import QDate, QDateTime, QTime

from mine_supervision_plugin.domain.dates import to_date

DAY = dt.date(2024, 6, 1)


@pytest.mark.parametrize(
    "value",
    [
        DAY,
        dt.datetime(2024, 6, 1, 8, 30),
        "2024-06-01",
        " 2024-6-1 ",
        "2024/6/1 0:00:00",
        "2024.06.01",
        "2024-06-01T10:00:00",
        "20240601",
        "20240601 08:00",
        20240601,
        20240601.0,
        b"2024-06-01",
        "2024年6月1日",
        "2024 年 06 月 01 日",
        np.datetime64("2024-06-01"),
        np.datetime64("2024-06-01T12:00:00.000000000"),
        pd.Timestamp("2024-06-01 12:00"),
        QDate(2024, 6, 1),
        QDateTime(QDate(2024, 6, 1), QTime(9, 0)),
    ],
)
def test_every_form_counties_use_is_read(value):
    assert to_date(value) == DAY
    assert to_date(value, strict=True) == DAY


@pytest.mark.parametrize(
    "value", [None, "", "  ", "NULL", "nan", "NaT", float("nan"), pd.NaT, np.datetime64("NaT"), QDate(), QDateTime()]
)
def test_empty_values_are_no_date_even_when_strict(value):
    assert to_date(value) is None
    assert to_date(value, strict=True) is None


@pytest.mark.parametrize("value", ["not a date", "2023-02-31", "20230231", "2023年", "2024-06-01x", 2024.5, "6/1/2024"])
def test_unreadable_text_is_no_date_or_an_error_when_strict(value):
    assert to_date(value) is None
    with pytest.raises(ValueError):
        to_date(value, strict=True)
