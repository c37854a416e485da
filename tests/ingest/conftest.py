"""Shared helpers for the ingestion tests."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # the package is not installed; run from the repository
    sys.path.insert(0, str(ROOT))

ARABIC = (
    "أعلنت وزارة الخارجية في بيان رسمي يوم الخميس أن المفاوضات بين الطرفين ستستأنف "
    "الأسبوع المقبل في العاصمة القطرية الدوحة بمشاركة وسطاء من مصر والولايات المتحدة."
)


def _article_html(date_meta: str | None = "2024-05-23", charset: str = "utf-8", title: str = "استئناف المفاوضات") -> str:
    """A small news page with a body long enough for trafilatura."""
    meta = f'<meta property="article:published_time" content="{date_meta}">' if date_meta else ""
    body = "\n".join(f"<p>{ARABIC} الفقرة رقم {i}.</p>" for i in range(6))
    return (
        f'<!DOCTYPE html><html lang="ar"><head><meta charset="{charset}"><title>{title}</title>{meta}</head>'
        f"<body><nav><a href='/'>الرئيسية</a></nav><article><h1>{title}</h1>{body}</article>"
        "<footer>جميع الحقوق محفوظة</footer></body></html>"
    )


@pytest.fixture
def arabic() -> str:
    """A sentence of Arabic news text."""
    return ARABIC


@pytest.fixture
def article_html():
    """Builds a small news page: ``article_html(date_meta, charset=..., title=...)``."""
    return _article_html
