"""Values inside the files: numbers (full-width digits, decimal commas), key=value lines, dates, mining
methods, declared areas with their units, and the licence attributes common to the formats."""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass

from ...domain.licence import Licence
from ...domain.licence_checks import AREA_UNITS, MAX_AREA_M2, UNIT_LABELS, ParsedFile, ProblemLog
from ...domain.vocab import to_code
from ...i18n import tr

_FULLWIDTH = str.maketrans(
    {
        **{chr(0xFF10 + i): str(i) for i in range(10)},
        "，": ",",
        "．": ".",
        "－": "-",
        "＋": "+",
        "＝": "=",
        "：": ":",
        "；": ";",
        "＊": "*",
        "＠": "@",
        "Ｘ": "X",
        "Ｙ": "Y",
        "ｘ": "x",
        "ｙ": "y",
        "\u3000": " ",
        "\ufeff": "",
    }
)


_NUMBER = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")


def _num(text) -> float | None:
    """A float from a cell or field; None when empty or not a plain number."""
    if text is None:
        return None
    if isinstance(text, (int, float)) and not isinstance(text, bool):
        return float(text)
    s = str(text).translate(_FULLWIDTH).strip()
    if not _NUMBER.fullmatch(s):
        return None
    return float(s)


def _int(text) -> int | None:
    value = _num(text)
    if value is None or value != int(value):
        return None
    return int(value)


def _leading_int(text) -> int | None:
    """First integer in a header value: '3度' -> 3, '38带' -> 38."""
    m = re.search(r"\d+", str(text or "").translate(_FULLWIDTH))
    return int(m.group()) if m else None


def _label_number(text: str) -> int | None:
    """Corner number of a point label: '12' -> 12, 'J12' -> 12."""
    value = _int(text)
    if value is not None:
        return value
    m = re.search(r"\d+", str(text))
    return int(m.group()) if m else None


def _decimal_comma(fields: list[str]) -> str | None:
    """'3853900,67' when a coordinate was written with a decimal comma (split into two fields), else None.

    A coordinate has at least 5 integer digits; an elevation, corner or ring
    number never has, so "big integer, then 1–4 digits" is a decimal comma.
    """
    for a, b in zip(fields, fields[1:]):
        if re.fullmatch(r"[+-]?\d{5,}", a) and re.fullmatch(r"\d{1,4}", b):
            return f"{a},{b}"
    return None


def _decimal_comma_error(log: ProblemLog, text: str, line: int, parcel: str | None = None, corner: int | None = None):
    log.error(
        tr("decimal comma in '{text}': coordinates must be written with a decimal point ({fixed})").format(
            text=text, fixed=text.replace(",", ".")
        ),
        line,
        parcel,
        corner,
    )


def _split_fields(line: str) -> list[str]:
    return [f.strip() for f in line.split(",")]


def _key_value(line: str) -> tuple[str, str] | None:
    for sep in ("=", ":"):
        if sep in line:
            key, value = line.split(sep, 1)
            return key.strip(), value.strip()
    return None


def _first(attrs: dict[str, str], *keys: str) -> str | None:
    for key in keys:
        value = attrs.get(key)
        if value not in (None, ""):
            return value
    return None


_DATE = re.compile(r"(\d{4})\s*[-./年]\s*(\d{1,2})\s*[-./月]\s*(\d{1,2})\s*日?")


def _dates(text) -> list[dt.date]:
    if isinstance(text, dt.datetime):
        return [text.date()]
    if isinstance(text, dt.date):
        return [text]
    found = []
    for y, m, d in _DATE.findall(str(text or "")):
        try:
            found.append(dt.date(int(y), int(m), int(d)))
        except ValueError:
            return []
    return found


def _method_code(text: str | None) -> str | None:
    if not text:
        return None
    code = to_code("mining_method", text)
    if code:
        return code
    t = re.sub(r"\s|开采|方式", "", text)
    has_open, has_under = "露天" in t, ("地下" in t or "井工" in t or "坑采" in t)
    if (has_open and has_under) or "联合" in t:
        return "combined"
    if has_open:
        return "open_pit"
    if has_under:
        return "underground"
    return to_code("mining_method", t)


def _area_unit(text: str | None) -> str | None:
    """Unit code of a unit as written ('公顷', 'km²', '(亩)', 'hm2'), None when unknown."""
    if not text:
        return None
    t = re.sub(r"[\s()（）\[\]【】]", "", str(text).translate(_FULLWIDTH)).lower()
    if not t:
        return None
    # the longest spelling the text ends with: 'hm²' is hectares, not 'm²'
    matches = [(len(n), code) for code, (_, names) in AREA_UNITS.items() for n in names if t.endswith(n.lower())]
    return max(matches)[1] if matches else None


_NOT_FINITE = re.compile(r"^[+-]?(inf|infinity|nan|∞)$", re.IGNORECASE)


@dataclass
class _Area:
    """A declared area as written: its value, unit code, decimals; ``invalid`` says why it is unusable."""

    text: str
    value: float | None = None
    unit: str | None = None  # None: no unit written (the format's default applies)
    decimals: int = 0
    invalid: str | None = None


def _parse_area(text, default_unit: str | None) -> _Area:
    """Read '1.8000公顷', '18000 平方米', '27亩', '0.4750' (``default_unit``) and name what is wrong.

    Infinite, NaN, zero, negative and larger-than-China values are ``invalid``
    (never a number to store or compare), as are texts that are no number or
    carry an unknown unit.
    """
    value_text = _cell_text(text)
    raw = value_text if len(value_text) <= 30 else value_text[:27] + "…"  # a message never holds 300 digits
    area = _Area(value_text)
    if isinstance(text, (int, float)) and not isinstance(text, bool):
        number, rest = float(text), ""
    else:
        match = _NUMBER.match(value_text)
        word = re.match(r"^[+-]?(inf|infinity|nan|∞)", value_text, re.IGNORECASE)
        if match:
            number, rest = float(match.group()), value_text[match.end():]
        elif word:
            number, rest = float(word.group().replace("∞", "inf")), value_text[word.end():]
        else:
            area.invalid = tr("'{text}' is not a number").format(text=raw)
            return area
    rest = rest.strip()
    if rest:
        if re.match(r"^,\d", rest):
            area.invalid = tr("'{text}' has a decimal comma: write a decimal point ({fixed})").format(
                text=raw, fixed=value_text.replace(",", ".", 1)
            )
            return area
        area.unit = _area_unit(rest)
        if area.unit is None:
            area.invalid = tr("unknown area unit '{unit}' in '{text}' (known: 平方米/m², 公顷/ha, 亩, 平方公里/km²)").format(
                unit=rest, text=raw
            )
            return area
    unit = area.unit or default_unit
    area.decimals = _decimals(value_text if not rest else value_text[: len(value_text) - len(rest)])
    if not math.isfinite(number):
        area.invalid = tr("'{text}' is not a finite number").format(text=raw)
    elif number <= 0:
        area.invalid = tr("'{text}' is not a positive area").format(text=raw)
    elif unit is not None and number * AREA_UNITS[unit][0] > MAX_AREA_M2:
        shown = raw if area.unit else f"{raw} {UNIT_LABELS[unit]}"
        area.invalid = tr("'{area}' is larger than all of China (9.6 million km²)").format(area=shown)
    else:
        area.value = number
    return area


def _decimals(text: str | None) -> int:
    m = re.search(r"\.(\d+)", str(text or ""))
    return len(m.group(1)) if m else 0


def _licence_attributes(licence: Licence, attrs: dict, lines: dict, log: ProblemLog, parsed: ParsedFile):
    """Mining method, validity and licensed area from attribute values."""
    method = _first(attrs, "开采方式", "mining_method")
    if method:
        licence.mining_method = _method_code(str(method))
        if licence.mining_method is None:
            log.warn(tr("unknown mining method '{value}'").format(value=method), lines.get("开采方式"))
    validity = _first(attrs, "有效期限", "有效期", "validity")
    if validity:
        found = _dates(validity)
        if len(found) >= 2:
            licence.valid_from, licence.valid_to = found[0], found[1]
        else:
            log.warn(
                tr("validity '{value}' is not 'start至end'").format(value=validity),
                lines.get("有效期限", lines.get("有效期")),
            )
    for keys, attr in (
        (("有效期起", "有效期自", "valid_from"), "valid_from"),
        (("有效期止", "有效期至", "valid_to"), "valid_to"),
    ):
        value = _first(attrs, *keys)
        if value:
            found = _dates(value)
            if found:
                setattr(licence, attr, found[0])
            else:
                log.warn(tr("date '{value}' is not a date").format(value=value), lines.get(keys[0]))
    if licence.valid_from and licence.valid_to and licence.valid_to < licence.valid_from:
        log.warn(tr("validity ends before it starts"), lines.get("有效期限"))
    area_keys = ("矿区面积", "licensed_area_km2", "area_km2")
    key = next((k for k in area_keys if attrs.get(k) not in (None, "")), None)
    if key is not None:
        line = lines.get(key)
        area = _parse_area(attrs[key], "km2")
        if area.invalid:
            # Stored as NULL, never as Infinity or a negative number: the boundary still imports.
            log.warn(
                tr("licensed area (矿区面积) of licence {licence} is invalid: {reason}; it is left empty").format(
                    licence=licence.license_no or "?", reason=area.invalid
                ),
                line,
            )
        else:
            unit = area.unit or "km2"
            licence.licensed_area_km2 = area.value * AREA_UNITS[unit][0] / 1_000_000.0
            parsed.licence_area[id(licence)] = (area.value, unit, area.decimals, line)


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).translate(_FULLWIDTH).strip()
