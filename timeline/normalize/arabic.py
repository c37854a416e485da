"""Normalize Arabic text into a working copy that keeps a map back to the original.

Matching runs on the working copy; every span reported to the user is mapped
back through :meth:`NormalizedText.to_original`, so offsets always point into
the original text.

What is folded (one character for one, unless noted):

* alef forms أ إ آ ٱ → ا; hamza on waw/ya ؤ → و, ئ → ي; alef maqsura ى → ي;
  ta marbuta ة → ه; Persian ی ک → ي ك
* Arabic-Indic and Persian digits → ASCII digits; ٪ → %; Arabic decimal/thousands
  separators → . and ,
* typographic quotes “ ” « » „ ‟ → "; ‘ ’ ‚ ‛ → '
* NBSP, thin and other Unicode spaces, and tabs → a plain space; runs of
  spaces collapse to one (the extra ones are dropped)
* dropped entirely: diacritics (tashkeel, U+064B–U+065F, U+0670), tatweel
  (U+0640), zero-width and direction marks
"""
from __future__ import annotations

from dataclasses import dataclass

_FOLD: dict[str, str] = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا",
    "ؤ": "و", "ئ": "ي", "ى": "ي", "ة": "ه",
    "ی": "ي", "ک": "ك", "ي": "ي",
    "٪": "%", "٫": ".", "٬": ",",
    "“": '"', "”": '"', "«": '"', "»": '"', "„": '"', "‟": '"', "″": '"',
    "‘": "'", "’": "'", "‚": "'", "‛": "'",
}
for _i in range(10):
    _FOLD[chr(0x0660 + _i)] = str(_i)  # Arabic-Indic digits
    _FOLD[chr(0x06F0 + _i)] = str(_i)  # Persian (Extended Arabic-Indic) digits

_SPACES = {"\u00a0", "\u2000", "\u2001", "\u2002", "\u2003", "\u2004", "\u2005", "\u2006",
           "\u2007", "\u2008", "\u2009", "\u200a", "\u202f", "\u205f", "\u3000", "\t", "\u180e"}
_DROP = {chr(c) for c in range(0x064B, 0x0660)} | {"\u0670", "\u0640", "\u200b", "\u200c", "\u200d",
                                                   "\u200e", "\u200f", "\u061c", "\ufeff", "\u2066",
                                                   "\u2067", "\u2068", "\u2069", "\u202a", "\u202b",
                                                   "\u202c", "\u202d", "\u202e"}

_MARKS = {chr(c) for c in range(0x064B, 0x0660)} | {"\u0670", "\u0640"}


@dataclass(frozen=True)
class NormalizedText:
    """A normalized working copy of ``original`` and the map between the two.

    ``index[i]`` is the original offset of working character ``i``;
    ``index[len(text)]`` is ``len(original)``.
    """

    original: str
    text: str
    index: tuple[int, ...]

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a working-copy span [start, end) to the original text."""
        if start >= end:
            pos = self.index[start]
            return pos, pos
        stop = self.index[end - 1] + 1
        # keep the diacritics and tatweel that ride on the span's last letter
        while stop < len(self.original) and self.original[stop] in _MARKS:
            stop += 1
        return self.index[start], stop

    def original_span(self, start: int, end: int) -> str:
        """The original text behind a working-copy span."""
        a, b = self.to_original(start, end)
        return self.original[a:b]


def normalize(original: str) -> NormalizedText:
    """Normalize ``original`` (see the module docstring) keeping an offset map."""
    out: list[str] = []
    index: list[int] = []
    prev_space = False
    for i, ch in enumerate(original):
        if ch in _DROP:
            continue
        if ch in _SPACES or ch == " ":
            if prev_space:
                continue
            out.append(" ")
            index.append(i)
            prev_space = True
            continue
        prev_space = False
        out.append(_FOLD.get(ch, ch))
        index.append(i)
    index.append(len(original))
    return NormalizedText(original, "".join(out), tuple(index))


def normalize_plain(text: str) -> str:
    """The working copy alone: for word lists and patterns written by hand."""
    return normalize(text).text
