"""Survey findings that call for the ledger and a notice: works beyond the licensed boundary (越界开采) or beyond
the licensed depth (越层开采) found by a special survey round (超层越界, seed 004 §二(三)).

Pure rules, no I/O. The words are Chinese whatever the interface language:
they go into the ledger (问题台账) and into documents served on holders.

A ledger item of a finding names the round and the finding; its problem text
begins with :attr:`SurveyFinding.key` (``2026年第2轮专项勘测发现越界开采``),
which with the licence number identifies it: recording a round's findings
twice adds nothing the second time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OUT_OF_BOUNDS, OUT_OF_DEPTH = "out_of_bounds", "out_of_depth"
KINDS = (OUT_OF_BOUNDS, OUT_OF_DEPTH)
KIND_WORDS = {OUT_OF_BOUNDS: "越界开采", OUT_OF_DEPTH: "越层开采"}
_ROUND = re.compile(r"^\s*(\d{4})-(\d{1,2})\s*$")


def round_text(round_id: str) -> str:
    """``2026-2`` → ``2026年第2轮专项勘测``; another name as it is, followed by ``专项勘测``."""
    match = _ROUND.match(round_id or "")
    if match:
        return f"{match[1]}年第{int(match[2])}轮专项勘测"
    return f"{(round_id or '').strip()}专项勘测"


def ledger_source_key(round_id: str, license_no: str, kind: str) -> str:
    """The ledger's ``source_key`` of a survey finding: one item per round, licence and kind, whoever writes it
    (the survey dock, ``surveyfindings`` or ``updateledger``)."""
    return f"survey:{round_id}:{license_no}:{'outside' if kind == OUT_OF_BOUNDS else 'depth'}"


def problem_key(round_id: str, kind: str) -> str:
    """The start of the problem text of a finding: the round and the kind (``…专项勘测发现越界开采``)."""
    return f"{round_text(round_id)}发现{KIND_WORDS[kind]}"


def metres(value: float) -> str:
    return f"{float(value):.2f}米"


def square_metres(value: float) -> str:
    return f"{float(value):.2f}平方米（{float(value) * 3 / 2000:.2f}亩）"


def corners_text(part: int, hole: bool, first: int, second: int) -> str:
    """Where on the licence, in its own numbering: ``拐点2-3``, ``第2地块拐点2-3``, ``扣除地块拐点2-3``."""
    corners = f"拐点{first}-{second}"
    if hole:
        return f"扣除地块{corners}"
    if part:
        return f"第{part}地块{corners}"
    return corners


@dataclass(frozen=True)
class SurveyFinding:
    """One mine's finding of one kind in one round, with the figures its texts print."""

    round_id: str
    license_no: str
    kind: str
    #: out of bounds: total area outside, number of pieces, the greatest distance beyond and where
    outside_m2: float = 0.0
    pieces: int = 0
    max_distance_m: float | None = None
    near_corners: str = ""
    #: out of depth: metres above the licensed top / below the licensed bottom, and the elevations
    above_top_m: float | None = None
    below_bottom_m: float | None = None
    elevation_top_m: float | None = None
    elevation_bottom_m: float | None = None
    licensed_top_m: float | None = None
    licensed_bottom_m: float | None = None
    #: the out-of-bounds pieces (or the surveyed extent of a depth finding), for the map; opaque here
    geometry: object = None

    @property
    def key(self) -> str:
        return problem_key(self.round_id, self.kind)

    def facts(self) -> str:
        """The finding in a sentence without the round (``实测开采范围超出…``)."""
        if self.kind == OUT_OF_BOUNDS:
            text = (f"实测开采范围超出批准的矿区范围{self.pieces}处，面积合计{square_metres(self.outside_m2)}")
            if self.max_distance_m is not None:
                where = f"（{self.near_corners}附近）" if self.near_corners else ""
                text += f"，最远超出矿区范围{metres(self.max_distance_m)}{where}"
            return text
        parts = []
        if self.above_top_m is not None:
            parts.append(f"开采最高标高{metres(self.elevation_top_m)}，高于批准的开采上限"
                         f"（{metres(self.licensed_top_m)}）{metres(self.above_top_m)}")
        if self.below_bottom_m is not None:
            parts.append(f"开采最低标高{metres(self.elevation_bottom_m)}，低于批准的开采下限"
                         f"（{metres(self.licensed_bottom_m)}）{metres(self.below_bottom_m)}")
        return "；".join(parts)

    @property
    def problem(self) -> str:
        """The ledger's problem text: the key, then the facts."""
        return f"{self.key}：{self.facts()}。"
