"""The statistics the seeds ask for, in Processing (issue 11 item 7): ``patrolsummary`` and ``tworates``.

Thin faces over :mod:`..analysis.statistics`: the database and the year in, a table out (field names in
English, the Chinese headers as aliases, the rows as the documents print them).
"""

from __future__ import annotations

import datetime as dt

from qgis.core import (
    QgsProcessing,
    QgsProcessingOutputNumber,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterNumber,
)

from ..i18n import tr
from .base import MineSupervisionAlgorithm, processing_errors
from .table_output import add_pdf_parameter, write_pdf_table, write_table


def _year_parameter(algorithm) -> None:
    algorithm.addParameter(QgsProcessingParameterNumber(
        "YEAR", tr("Year"), QgsProcessingParameterNumber.Integer, dt.date.today().year, minValue=1990, maxValue=2100))


class PatrolSummaryAlgorithm(MineSupervisionAlgorithm):
    NAME = "patrolsummary"

    def displayName(self) -> str:  # noqa: N802
        return tr("Patrol summary of a year")

    def shortHelpString(self) -> str:  # noqa: N802
        return tr(
            "The year's patrol summary (年度巡查工作总结) from the supervision database: per mine, the patrols its "
            "status requires (monthly or quarterly) and those done on time, the inspections done, the boundary "
            "corners checked, the patrols with fewer than 3 corner checks, the problems found in the year and those "
            "struck off; a total row last (合计)."
        )

    def initAlgorithm(self, config=None) -> None:  # noqa: N802
        self.add_database_parameter()
        _year_parameter(self)
        self.addParameter(QgsProcessingParameterFeatureSink("OUTPUT", tr("Patrol summary"), QgsProcessing.TypeVector))
        add_pdf_parameter(self, tr("Patrol summary as a document (PDF)"))
        for name, title in (("MINES", tr("Mines")), ("PATROLS", tr("Inspections done")),
                            ("CORNERS", tr("Corners checked")), ("PROBLEMS", tr("Problems found")),
                            ("CLOSED", tr("Problems struck off"))):
            self.addOutput(QgsProcessingOutputNumber(name, title))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        from ..analysis.statistics import SUMMARY_COLUMNS, patrol_summary

        store = self.open_store(parameters, context)
        year = self.parameterAsInt(parameters, "YEAR", context)
        with processing_errors():
            headers, rows = patrol_summary(store, year)
        dest = write_table(self, parameters, "OUTPUT", context, SUMMARY_COLUMNS, rows)
        pdf = write_pdf_table(self, parameters, context, feedback, title=f"{year}年度矿山巡查工作汇总表",
                              subtitle=f"统计期：{year}年1月1日至{year}年12月31日", headers=headers, rows=rows)
        total = dict(zip(headers, rows[-1]))
        feedback.pushInfo(tr("{year}: {mines} mines, {patrols} inspections, {corners} corners checked, {problems} "
                             "problems found, {closed} struck off.").format(
            year=year, mines=len(rows) - 1, patrols=total["实际巡查次数"], corners=total["核查拐点数"],
            problems=total["发现问题数"], closed=total["已销号问题数"]))
        return {"OUTPUT": dest, "OUTPUT_PDF": pdf, "MINES": len(rows) - 1, "PATROLS": total["实际巡查次数"],
                "CORNERS": total["核查拐点数"], "PROBLEMS": total["发现问题数"], "CLOSED": total["已销号问题数"]}


class TwoRatesAlgorithm(MineSupervisionAlgorithm):
    NAME = "tworates"

    def displayName(self) -> str:  # noqa: N802
        return tr("Two rates (两率) of a year or half-year")

    def shortHelpString(self) -> str:  # noqa: N802
        return tr(
            "The two rates of seed 001 §四(六) from the cases in the supervision database: the change rate of "
            "unlicensed exploration and mining cases against the same period of the year before, and the "
            "incidence rate of licence holders' violation cases per mining right in force. PERIOD: the whole year "
            "(reported in January) or its first half (reported in July). A case is a patch with a case number or a "
            "penalty decision whose case no patch carries."
        )

    def initAlgorithm(self, config=None) -> None:  # noqa: N802
        self.add_database_parameter()
        _year_parameter(self)
        self.addParameter(QgsProcessingParameterEnum(
            "PERIOD", tr("Period"), [tr("The whole year (January report)"), tr("First half (July report)")], False, 0))
        self.addParameter(QgsProcessingParameterFeatureSink("OUTPUT", tr("Two rates"), QgsProcessing.TypeVector))
        add_pdf_parameter(self, tr("Two rates as a document (PDF)"))
        for name, title in (("UNLICENSED_CASES", tr("Unlicensed cases")),
                            ("UNLICENSED_CHANGE_RATE", tr("Change rate of unlicensed cases (%)")),
                            ("HOLDER_CASES", tr("Holders' violation cases")),
                            ("HOLDER_INCIDENCE_RATE", tr("Incidence rate of holders' violations (%)"))):
            self.addOutput(QgsProcessingOutputNumber(name, title))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        from ..analysis.statistics import RATE_COLUMNS, two_rates

        store = self.open_store(parameters, context)
        year = self.parameterAsInt(parameters, "YEAR", context)
        half = self.parameterAsEnum(parameters, "PERIOD", context) == 1
        with processing_errors():
            headers, rows = two_rates(store, year, half=half)
        dest = write_table(self, parameters, "OUTPUT", context, RATE_COLUMNS, rows)
        period_text = f"{year}年上半年" if half else f"{year}年度"
        pdf = write_pdf_table(self, parameters, context, feedback, title=f"{period_text}矿产资源“两率”统计表",
                              subtitle="无证勘查开采案件变化率、持证单位违法案件发生率", headers=headers, rows=rows)
        row = dict(zip((k for k, _ in RATE_COLUMNS), rows[0]))
        change = row["unlicensed_change_rate_pct"]
        feedback.pushInfo(tr("{period}: {unlicensed} unlicensed case(s) (same period last year: {before}; change "
                             "rate {change}); {holders} holders' case(s) for {rights} mining rights (incidence rate "
                             "{incidence}).").format(
            period=row["period"], unlicensed=row["unlicensed_cases"], before=row["unlicensed_cases_last_year"],
            change=tr("none (no case last year)") if change is None else f"{change} %", holders=row["holder_cases"],
            rights=row["rights_in_force"],
            incidence="-" if row["holder_incidence_rate_pct"] is None else f"{row['holder_incidence_rate_pct']} %"))
        return {"OUTPUT": dest, "OUTPUT_PDF": pdf, "UNLICENSED_CASES": row["unlicensed_cases"], "UNLICENSED_CHANGE_RATE": change,
                "HOLDER_CASES": row["holder_cases"], "HOLDER_INCIDENCE_RATE": row["holder_incidence_rate_pct"]}
