"""Web pages: text via trafilatura, title and date from the page, the manifest winning."""
from __future__ import annotations

import datetime as dt

from timeline.ingest import load_documents


def test_html_text_title_and_metadata_date(tmp_path, article_html):
    (tmp_path / "page.html").write_text(article_html("2024-05-23"), encoding="utf-8")
    result = load_documents([tmp_path])
    assert result.problems == []
    [doc] = result.documents
    assert doc.id == "page"
    assert doc.published == dt.date(2024, 5, 23)
    assert doc.published_source == "html"
    assert doc.title == "استئناف المفاوضات"
    assert "العاصمة القطرية الدوحة" in doc.text
    assert "<p>" not in doc.text and "جميع الحقوق محفوظة" not in doc.text


def test_manifest_date_wins_over_page_metadata(tmp_path, article_html):
    (tmp_path / "page.htm").write_text(article_html("2024-05-23"), encoding="utf-8")
    (tmp_path / "manifest.yaml").write_text(
        "documents:\n  - file: page.htm\n    published: 2024-06-01\n    title: عنوان من الملف\n", encoding="utf-8")
    [doc] = load_documents([tmp_path]).documents
    assert doc.published == dt.date(2024, 6, 1)
    assert doc.published_source == "manifest"
    assert doc.title == "عنوان من الملف"


def test_html_without_any_date(tmp_path, article_html):
    (tmp_path / "page.html").write_text(article_html(None), encoding="utf-8")
    [doc] = load_documents([tmp_path]).documents
    assert doc.published is None and doc.published_source is None


def test_declared_windows_1256_page(tmp_path, article_html):
    html = article_html("2023-01-02", charset="windows-1256")
    (tmp_path / "old.html").write_bytes(html.encode("cp1256"))
    result = load_documents([tmp_path])
    assert result.problems == []
    [doc] = result.documents
    assert "العاصمة القطرية الدوحة" in doc.text
    assert doc.published == dt.date(2023, 1, 2)


def test_page_without_text_is_a_problem_and_the_rest_loads(tmp_path, article_html):
    (tmp_path / "a_empty.html").write_text("<html><head><title>x</title></head><body></body></html>", encoding="utf-8")
    (tmp_path / "b_url.html").write_text("https://example.com/article", encoding="utf-8")
    (tmp_path / "c_good.html").write_text(article_html(), encoding="utf-8")
    result = load_documents([tmp_path])
    assert [d.id for d in result.documents] == ["c_good"]
    assert [p.path for p in result.problems] == [str(tmp_path / "a_empty.html"), str(tmp_path / "b_url.html")]
    assert "no article text" in result.problems[0].message


def test_undeclared_windows_1256_page_is_guessed(tmp_path, article_html):
    html = article_html("2023-01-02").replace('<meta charset="utf-8">', "")
    html = html.replace("<head>", "<head><script>var x = 'some long ascii javascript code here';</script>")
    (tmp_path / "old.html").write_bytes(html.encode("cp1256"))
    result = load_documents([tmp_path])
    assert result.problems == []
    [doc] = result.documents
    assert "العاصمة القطرية الدوحة" in doc.text
    assert any("windows-1256" in w for w in doc.warnings)
