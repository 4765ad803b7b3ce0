"""Reading a text file whatever its encoding: UTF-8 (with or without BOM), GBK/GB18030, UTF-16 with or without BOM."""

from __future__ import annotations

from pathlib import Path

from ...domain.licence_checks import ProblemLog
from ...i18n import tr
from .fields import _FULLWIDTH


def _utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' for BOM-less UTF-16 (NUL in every other byte), else None.

    UTF-8 and GBK text never holds a NUL byte; UTF-16 of digits, commas and
    Latin letters has one in every second byte, which tells the byte order.
    """
    if len(data) < 4 or len(data) % 2 or b"\x00" not in data:
        return None
    pairs = len(data) // 2
    nul_even, nul_odd = data[0::2].count(0), data[1::2].count(0)
    # a few CJK characters (开 U+5F00, 一 U+4E00) have a NUL byte of their own: compare, do not demand zero
    if nul_odd >= 0.1 * pairs and nul_even * 10 <= nul_odd:
        return "utf-16-le"
    if nul_even >= 0.1 * pairs and nul_odd * 10 <= nul_even:
        return "utf-16-be"
    return None


def _first_bad_line(data: bytes, codec: str) -> tuple[int, bytes] | None:
    """(line number, offending bytes) of the first line that ``codec`` cannot decode."""
    for number, line in enumerate(data.split(b"\n"), 1):
        try:
            line.decode(codec)
        except UnicodeDecodeError as exc:
            return number, line[exc.start : exc.start + 4]
    return None


def _decode(data: bytes, log: ProblemLog | None = None) -> str:
    """The text of a coordinate file; UnicodeDecodeError after logging why when it cannot be read."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return data.decode(utf16)  # Excel's "Unicode text" saved without its byte-order mark
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    if data.startswith(b"\xef\xbb\xbf"):
        # A UTF-8 byte-order mark in front of GBK text: an editor added the mark without converting.
        # Read as GBK only when no line with Chinese characters is UTF-8, else the file mixes both.
        body = data[3:]
        lines = [line for line in body.split(b"\n") if any(b > 0x7F for b in line)]
        utf8_lines = [n for n, line in enumerate(body.split(b"\n"), 1) if any(b > 0x7F for b in line) and _is_utf8(line)]
        bad = _first_bad_line(body, "utf-8")
        if lines and not utf8_lines:
            try:
                text = body.decode("gb18030")
            except UnicodeDecodeError:
                text = None
            if text is not None:
                if log is not None:
                    log.warn(
                        tr(
                            "the file starts with a UTF-8 byte-order mark (BOM) but its text is GBK: it was read as "
                            "GBK. Check the names, and save the file again as UTF-8 or as GBK without the mark"
                        ),
                        bad[0] if bad else None,
                    )
                return text
        if log is not None:
            log.error(
                tr(
                    "the file starts with a UTF-8 byte-order mark (BOM), but this line is not UTF-8 (bytes {bytes}) "
                    "while other lines are: the file mixes encodings. Open it in a text editor, correct the line "
                    "and save the file as UTF-8"
                ).format(bytes=bad[1].hex(" ") if bad else "?"),
                bad[0] if bad else None,
            )
        raise UnicodeDecodeError("utf-8", data, 0, 1, "UTF-8 BOM on text that is not UTF-8")
    try:
        return data.decode("gb18030")  # a superset of GBK and GB2312
    except UnicodeDecodeError:
        if log is not None:
            bad_utf8, bad_gbk = _first_bad_line(data, "utf-8"), _first_bad_line(data, "gb18030")
            log.error(
                tr(
                    "the file is neither UTF-8 nor GBK/GB18030 text: line {utf8_line} is not UTF-8 (bytes {utf8_bytes}) "
                    "and line {gbk_line} is not GBK (bytes {gbk_bytes}). Is it a coordinate text file? Save it as "
                    "UTF-8 or GBK text"
                ).format(
                    utf8_line=bad_utf8[0] if bad_utf8 else "?",
                    utf8_bytes=bad_utf8[1].hex(" ") if bad_utf8 else "?",
                    gbk_line=bad_gbk[0] if bad_gbk else "?",
                    gbk_bytes=bad_gbk[1].hex(" ") if bad_gbk else "?",
                ),
                bad_gbk[0] if bad_gbk else None,
            )
        raise


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _read_text(path: Path, log: ProblemLog) -> str:
    try:
        data = path.read_bytes()
    except OSError as exc:
        log.error(tr("cannot read the file: {error}").format(error=exc.strerror or str(exc)))
        log.refuse()
    try:
        return _decode(data, log).translate(_FULLWIDTH)
    except UnicodeDecodeError:
        if not log.errors():
            log.error(tr("the file is neither UTF-8 nor GBK/GB18030 text"))
        log.refuse()
    raise AssertionError  # unreachable
