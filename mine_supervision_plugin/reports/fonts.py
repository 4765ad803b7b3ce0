"""Chinese TrueType fonts for the documents: found on the machine, chosen by role, embedded by reportlab.

Roles: ``body`` (仿宋-like: 仿宋, else 宋/明, else 楷, else 黑) and ``title``
(a heavy type: 小标宋, else 黑体, else 宋). Known files are looked for in the
system's font folders (Windows: simfang.ttf, simsun.ttc, simhei.ttf,
simkai.ttf, 方正小标宋; Debian: fonts-arphic-uming / ukai, fonts-wqy-zenhei /
microhei); a setting (path, or ``path#index`` inside a .ttc) overrides the
choice. reportlab embeds TrueType outlines only: a font with CFF outlines (Noto
CJK, Source Han .otf/.ttc) is skipped with a message saying so.

Every glyph printed comes from an embedded font, Latin letters and digits
included. A character the chosen font lacks is taken from another font found
that has it; one no font has is printed as its code (U+XXXX) and named in a
message, never as a blank box.
"""

from __future__ import annotations

import functools
import os
import struct
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..i18n import tr

#: Known font files by lower-case file name: (role kind, label). Kinds: fangsong, xbsong, song, kai, hei.
KNOWN = {
    "simfang.ttf": ("fangsong", "仿宋 (simfang)"),
    "stfangso.ttf": ("fangsong", "华文仿宋"),
    "fzfsk.ttf": ("fangsong", "方正仿宋"),
    "fzxbsjw.ttf": ("xbsong", "方正小标宋"),
    "fzxbsk.ttf": ("xbsong", "方正小标宋"),
    "simsun.ttc": ("song", "宋体 (simsun)"),
    "simsun.ttf": ("song", "宋体 (simsun)"),
    "simhei.ttf": ("hei", "黑体 (simhei)"),
    "simkai.ttf": ("kai", "楷体 (simkai)"),
    "uming.ttc": ("song", "AR PL UMing (明体)"),
    "ukai.ttc": ("kai", "AR PL UKai (楷体)"),
    "wqy-zenhei.ttc": ("hei", "文泉驿正黑"),
    "wqy-microhei.ttc": ("hei", "文泉驿微米黑"),
    "droidsansfallbackfull.ttf": ("hei", "Droid Sans Fallback"),
    "notoserifcjk-regular.ttc": ("song", "Noto Serif CJK"),
    "notosanscjk-regular.ttc": ("hei", "Noto Sans CJK"),
    "notoserifcjksc-regular.otf": ("song", "Noto Serif CJK SC"),
    "notosanscjksc-regular.otf": ("hei", "Noto Sans CJK SC"),
    "sourcehanserifsc-regular.otf": ("song", "思源宋体"),
}
PREFERENCES = {
    "body": ("fangsong", "song", "kai", "hei", "xbsong"),
    "title": ("xbsong", "hei", "song", "fangsong", "kai"),
}


class FontError(Exception):
    """No usable font: the message says what to install."""


def font_folders() -> list[Path]:
    """Where fonts live on this system (Windows, Linux, macOS), plus the user's own folders."""
    home = Path.home()
    folders = []
    if sys.platform.startswith("win"):
        folders.append(Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts")
        if os.environ.get("LOCALAPPDATA"):
            folders.append(Path(os.environ["LOCALAPPDATA"]) / "Microsoft" / "Windows" / "Fonts")
    elif sys.platform == "darwin":
        folders += [Path("/Library/Fonts"), Path("/System/Library/Fonts"), home / "Library" / "Fonts"]
    else:
        folders += [Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), home / ".fonts",
                    home / ".local" / "share" / "fonts"]
    return folders


def outline_kind(path: Path, index: int = 0) -> str:
    """``truetype``, ``cff`` or ``unknown``: the outlines of font ``index`` in ``path`` (TrueType table directory)."""
    try:
        with open(path, "rb") as stream:
            head = stream.read(12)
            offset = 0
            if head[:4] == b"ttcf":
                count = struct.unpack(">I", head[8:12])[0]
                if index >= count:
                    return "unknown"
                stream.seek(12 + 4 * index)
                offset = struct.unpack(">I", stream.read(4))[0]
                stream.seek(offset)
                head = stream.read(12)
            if head[:4] == b"OTTO":
                return "cff"
            tables = struct.unpack(">H", head[4:6])[0]
            stream.seek(offset + 12)
            tags = {stream.read(16)[:4] for _ in range(tables)}
    except (OSError, struct.error):
        return "unknown"
    if b"glyf" in tags:
        return "truetype"
    if b"CFF " in tags or b"CFF2" in tags:
        return "cff"
    return "unknown"


@dataclass(frozen=True)
class FontFile:
    """One font found: its file, the face inside a .ttc, its kind (fangsong, song...) and label."""

    path: Path
    index: int
    kind: str
    label: str

    @property
    def spec(self) -> str:
        """The setting's form: path, or path#index."""
        return f"{self.path}#{self.index}" if self.index else str(self.path)


@dataclass
class FontSearch:
    fonts: list[FontFile] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


def find_fonts(folders: Iterable[Path] | None = None) -> FontSearch:
    """The known Chinese fonts under ``folders`` that reportlab can embed; CFF ones named in ``skipped``."""
    search = FontSearch()
    seen = set()
    for folder in font_folders() if folders is None else folders:
        if not Path(folder).is_dir():
            continue
        for root, _dirs, files in os.walk(folder):
            for name in sorted(files):
                known = KNOWN.get(name.lower())
                if known is None or name.lower() in seen:
                    continue
                seen.add(name.lower())
                path = Path(root) / name
                kind = outline_kind(path)
                if kind != "truetype":
                    search.skipped.append(
                        tr("{font} ({path}) is skipped: its outlines are {kind}, which reportlab cannot embed; "
                           "use a TrueType font.").format(font=known[1], path=path, kind=kind.upper())
                    )
                    continue
                search.fonts.append(FontFile(path, 0, known[0], known[1]))
    return search


def parse_spec(spec: str) -> tuple[Path, int]:
    """``path#index`` → (path, index); a plain path is face 0."""
    path, _, index = spec.rpartition("#") if "#" in spec else (spec, "", "0")
    return Path(path), int(index or 0)


@dataclass
class RegisteredFont:
    """A font registered with reportlab under ``name``; ``chars`` the code points it has."""

    name: str
    file: FontFile
    chars: frozenset


_REGISTERED: dict[tuple[str, int], RegisteredFont] = {}


def register(file: FontFile) -> RegisteredFont:
    """Register ``file`` with reportlab (once per process) as an embedded, subset TrueType font."""
    key = (str(file.path), file.index)
    if key not in _REGISTERED:
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont

        name = f"MS{len(_REGISTERED)}-{file.path.stem}-{file.index}"
        font = TTFont(name, str(file.path), subfontIndex=file.index)
        # each document's subset reads the font's tables again (copies of megabytes for a CJK 'glyf'): keep them
        font.face.get_table = functools.lru_cache(maxsize=None)(font.face.get_table)
        pdfmetrics.registerFont(font)
        _REGISTERED[key] = RegisteredFont(name, file, frozenset(font.face.charToGlyph))
    return _REGISTERED[key]


@dataclass
class DocumentFonts:
    """The body and title fonts of a document, fallbacks for missing characters, and what was said of them."""

    body: RegisteredFont
    title: RegisteredFont
    fallbacks: list[RegisteredFont] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)


def _role_name(role: str) -> str:
    """The role as the user reads it (the message is in the interface language)."""
    return {"body": tr("body text"), "title": tr("title")}.get(role, role)


def _from_setting(spec: str, role: str, messages: list[str]) -> FontFile | None:
    if not spec:
        return None
    path, index = parse_spec(spec)
    if not path.is_file():
        messages.append(tr("The {role} font {path} chosen in the settings does not exist; another is used.").format(
            role=_role_name(role), path=path))
        return None
    kind = outline_kind(path, index)
    if kind != "truetype":
        messages.append(tr("The {role} font {path} chosen in the settings has {kind} outlines, which reportlab cannot "
                           "embed; another is used.").format(role=_role_name(role), path=path, kind=kind.upper()))
        return None
    known = KNOWN.get(path.name.lower(), ("custom", path.stem))
    return FontFile(path, index, known[0], known[1])


def choose_fonts(body: str = "", title: str = "", folders: Iterable[Path] | None = None) -> DocumentFonts:
    """The fonts of a document: ``body`` / ``title`` settings (``path#index``) when usable, else the best found."""
    search = find_fonts(folders)
    messages = list(search.skipped)
    chosen = {}
    for role, spec in (("body", body), ("title", title)):
        font = _from_setting(spec, role, messages)
        if font is None:
            ranked = sorted(search.fonts, key=lambda f: PREFERENCES[role].index(f.kind)
                            if f.kind in PREFERENCES[role] else 99)
            font = ranked[0] if ranked else None
        if font is None:
            raise FontError(tr(
                "No Chinese TrueType font was found for the documents. Install one: on Windows the system fonts "
                "(simfang.ttf, simsun.ttc, simhei.ttf); on Debian/Ubuntu `apt install fonts-arphic-uming "
                "fonts-wqy-zenhei`; or choose a .ttf/.ttc file in the plugin's settings."))
        chosen[role] = register(font)
    fallbacks = [register(f) for f in search.fonts if (str(f.path), f.index) not in
                 {(str(c.file.path), c.file.index) for c in chosen.values()}]
    return DocumentFonts(chosen["body"], chosen["title"], fallbacks, messages)


def missing_characters(text: str, font: RegisteredFont) -> list[str]:
    """The characters of ``text`` that ``font`` has no glyph for (line breaks and blanks aside), in order, once each."""
    seen = []
    for char in text:
        if char not in "\n\r\t" and ord(char) not in font.chars and char not in seen:
            seen.append(char)
    return seen
