"""Reading a file's bytes and turning them into text.

The order of attempts is fixed, so the result never depends on guesswork that
could vary between runs: a byte-order mark, then strict UTF-8, then a charset
the file declares (HTML), then windows-1256, which is accepted only when the
result is plausibly Arabic text.
"""
from __future__ import annotations

import codecs
import os
import re
import unicodedata
from dataclasses import dataclass, field

from timeline.ingest.problems import IngestError

#: Share of letters that must be Arabic for a windows-1256 guess to be accepted.
MIN_ARABIC_SHARE = 0.5
#: Share of control characters (other than whitespace) above which a file is binary.
MAX_CONTROL_SHARE = 0.01

_TEXT_CONTROLS = frozenset("\t\n\r\f\v")
_CONTROL_BYTES = tuple(b for b in range(32) if chr(b) not in _TEXT_CONTROLS) + (0x7F,)
_MARKUP = re.compile(r"<(script|style)\b.*?</\1\s*>|<!--.*?-->|<[^>]*>", re.IGNORECASE | re.DOTALL)
_ARABIC_RANGES = ((0x0600, 0x06FF), (0x0750, 0x077F), (0x08A0, 0x08FF), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF))


@dataclass
class Decoded:
    """Decoded text, the codec that produced it, and notes for ``Document.warnings``."""

    text: str
    encoding: str
    warnings: list[str] = field(default_factory=list)


def read_limited(path: str, max_bytes: int) -> bytes:
    """Return the bytes of ``path``, refusing files larger than ``max_bytes``."""
    size = os.path.getsize(path)
    if size > max_bytes:
        raise IngestError(f"too large: {size} bytes (limit {max_bytes})")
    with open(path, "rb") as handle:
        data = handle.read(max_bytes + 1)
    if len(data) > max_bytes:  # the file grew while we looked
        raise IngestError(f"too large: more than {max_bytes} bytes (limit {max_bytes})")
    return data


def is_arabic_letter(char: str) -> bool:
    """True for a character in one of the Arabic blocks."""
    code = ord(char)
    return any(low <= code <= high for low, high in _ARABIC_RANGES)


def arabic_share(text: str) -> float:
    """The share of letters in ``text`` that are Arabic (0.0 when there are none)."""
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return 0.0
    return sum(1 for c in letters if is_arabic_letter(c)) / len(letters)


def control_count(text: str) -> int:
    """How many control characters (other than ordinary whitespace) ``text`` holds."""
    return sum(1 for c in text if c not in _TEXT_CONTROLS and unicodedata.category(c) == "Cc")


def _looks_binary(text: str) -> bool:
    return "\x00" in text or control_count(text) > MAX_CONTROL_SHARE * max(len(text), 1)


def _control_bytes(data: bytes) -> int:
    return sum(data.count(bytes([b])) for b in _CONTROL_BYTES)


def _codec_name(label: str) -> str | None:
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def decode_bytes(data: bytes, declared: str | None = None, markup: bool = False) -> Decoded:
    """Decode ``data`` as described in the module docstring.

    ``declared`` is a charset the file itself names (an HTML ``<meta charset>``);
    ``markup`` says the text is HTML, whose tags and scripts are left out when
    judging whether a windows-1256 reading is Arabic.
    Raises :class:`IngestError` for an empty, binary or undecodable file.
    """
    if not data.strip():
        raise IngestError("empty file")
    decoded = _decode(data, declared, markup)
    if _looks_binary(decoded.text):
        raise IngestError("binary file, not text")
    if not decoded.text.strip():
        raise IngestError("empty file")
    return decoded


def _decode(data: bytes, declared: str | None, markup: bool) -> Decoded:
    if data.startswith(codecs.BOM_UTF8):
        try:
            return Decoded(data[len(codecs.BOM_UTF8):].decode("utf-8"), "utf-8-sig")
        except UnicodeDecodeError as err:
            raise IngestError(f"starts with a UTF-8 byte-order mark but is not valid UTF-8 ({err.reason} at byte {err.start})") from None
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return Decoded(data.decode("utf-16"), "utf-16", ["decoded as UTF-16 (byte-order mark)"])
        except UnicodeDecodeError as err:
            raise IngestError(f"starts with a UTF-16 byte-order mark but is not valid UTF-16 ({err.reason})") from None
    if b"\x00" in data or _control_bytes(data) > MAX_CONTROL_SHARE * len(data):
        raise IngestError("binary file, not text")
    tried = ["UTF-8"]
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as err:
        utf8_error = f"invalid UTF-8 byte 0x{data[err.start]:02x} at offset {err.start}"
    codec = _codec_name(declared) if declared else None
    if codec and codec not in ("utf-8", "cp1256"):
        tried.append(f"{declared} (declared)")
        try:
            return Decoded(data.decode(codec), codec)
        except UnicodeDecodeError:
            pass
    text = data.decode("cp1256", errors="replace")
    if codec == "cp1256":
        return Decoded(text, "cp1256")
    tried.append("windows-1256")
    share = arabic_share(_MARKUP.sub(" ", text) if markup else text)
    controls = control_count(text)
    if share >= MIN_ARABIC_SHARE and controls == 0:
        return Decoded(text, "cp1256", ["decoded as windows-1256 (not valid UTF-8)"])
    why = f"{controls} control characters" if controls else f"only {share:.0%} of the letters Arabic"
    raise IngestError(
        f"cannot decode: tried {', '.join(tried)}; {utf8_error}, "
        f"and windows-1256 does not give plausible Arabic text ({why})"
    )
