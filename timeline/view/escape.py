"""Escaping: document text never becomes markup or script.

Three places take text from articles:

* Plotly hover labels and annotations understand a few tags (``<b>``,
  ``<br>``, ``<a href>``); :func:`label_text` escapes ``& < >`` so a document's
  ``<img onerror=...>`` or ``<a href="javascript:...">`` is shown as text;
* data handed to the page's script sits in ``<script type="application/json">``
  blocks; :func:`json_for_script` writes JSON in which ``< > &`` and the line
  separators are ``\\u`` escapes, so no text can close the block;
* the page's script puts text into the DOM with ``textContent`` only, and makes
  links only from http(s) addresses (see ``assets/page.js``).
"""
from __future__ import annotations

import html
import json
import textwrap
from typing import Any

RLM = "\u200f"  # right-to-left mark: keeps the punctuation of an Arabic line at its end

_SCRIPT_SAFE = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026",
                0x2028: "\\u2028", 0x2029: "\\u2029"}


def label_text(text: str) -> str:
    """``text`` escaped for a Plotly label (``& < >`` become entities)."""
    return html.escape(text, quote=False)


def arabic_lines(text: str, width: int = 64, max_lines: int = 4) -> str:
    """An Arabic sentence as escaped label lines joined by ``<br>``.

    Each line is wrapped in right-to-left marks so that its punctuation stays
    at the line's (left) end in a left-to-right label; long sentences end in "…".
    """
    lines = textwrap.wrap(" ".join(text.split()), width=width) or [""]
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = lines[-1] + " …"
    return "<br>".join(RLM + label_text(line) + RLM for line in lines)


def json_for_script(data: Any) -> str:
    """``data`` as JSON that is safe inside a ``<script type="application/json">`` block."""
    return safe_json_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")))


def safe_json_text(text: str) -> str:
    """Already serialised JSON made safe for a script block (same escapes as :func:`json_for_script`)."""
    return text.translate(_SCRIPT_SAFE)
