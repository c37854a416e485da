"""Reader for saved web pages (``.html`` / ``.htm``).

The main text comes from trafilatura, the title (and site name, canonical URL)
from its metadata, the publication date from htmldate.  Both libraries are
always given the page as a string, never a URL, and an explicit latest date so
that nothing depends on the day the tool runs.
"""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import htmldate
import trafilatura

from timeline.ingest.decoding import decode_bytes, read_limited
from timeline.ingest.problems import IngestError
from timeline.model import Document

#: Latest date htmldate may accept; fixed so results never depend on today's date.
MAX_PAGE_DATE = "2099-12-31"
MIN_PAGE_DATE = "1995-01-01"
_DATE_PARAMS = {
    "extensive_search": False,
    "original_date": True,
    "min_date": MIN_PAGE_DATE,
    "max_date": MAX_PAGE_DATE,
}
_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def declared_charset(data: bytes) -> str | None:
    """The charset named by a ``<meta>`` tag near the start of the page, if any."""
    match = _CHARSET.search(data[:4096])
    return match.group(1).decode("ascii") if match else None


def _looks_like_url(html: str) -> bool:
    # Both libraries download their input when it looks like a bare URL: never let them.
    stripped = html.strip()
    return stripped.startswith("http") and " " not in stripped


def page_date(html: str) -> dt.date | None:
    """The page's publication date from its metadata (htmldate), or None."""
    if _looks_like_url(html):
        return None
    found = htmldate.find_date(html, **_DATE_PARAMS)
    return dt.date.fromisoformat(found) if found else None


def read_html_file(path: str, max_bytes: int) -> Document:
    """Load one web page as a :class:`Document` (id: the file stem).

    ``Document.text`` is trafilatura's extracted main text, so offsets point
    into it.  Title, source (site name), URL and publication date come from the
    page's metadata; the loader lets a manifest override them.  Raises
    :class:`IngestError` when no text can be extracted.
    """
    data = read_limited(path, max_bytes)
    decoded = decode_bytes(data, declared_charset(data), markup=True)
    html = decoded.text
    if _looks_like_url(html):
        raise IngestError("not an HTML page (the file holds only a URL)")
    try:
        text = trafilatura.extract(
            html,
            include_comments=False,
            include_tables=True,
            include_images=False,
            include_links=False,
            deduplicate=False,
            output_format="txt",
            date_extraction_params=dict(_DATE_PARAMS),
        )
    except Exception as err:  # noqa: BLE001 - a third-party failure is this file's problem only
        raise IngestError(f"HTML extraction failed: {type(err).__name__}: {err}") from None
    if not text or not text.strip():
        raise IngestError("no article text found in the HTML page (trafilatura extracted nothing)")
    document = Document(id=Path(path).stem, path=path, text=text, warnings=list(decoded.warnings))
    try:
        meta = trafilatura.extract_metadata(html, date_config=dict(_DATE_PARAMS))
        document.title = meta.title or None
        document.source = meta.sitename or None
        document.url = meta.url or None
    except Exception as err:  # noqa: BLE001
        document.warnings.append(f"page metadata could not be read: {type(err).__name__}: {err}")
    try:
        published = page_date(html)
    except Exception as err:  # noqa: BLE001
        published = None
        document.warnings.append(f"publication date could not be read: {type(err).__name__}: {err}")
    if published is not None:
        document.published = published
        document.published_source = "html"
    return document
