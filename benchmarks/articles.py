"""Synthetic article corpora made from real sentences, for benchmarks and scale tests.

    from benchmarks.articles import synthetic_articles
    rows = synthetic_articles(1000)      # JSON-lines records: id, url, published, source, text

Each article is put together from real text: one development article
(``tests/dct/data/articles.jsonl``: real pages of many outlets, with their
URLs), paragraphs of one to three others, and up to three sentences of the
event corpus (``tests/events/corpus``): about 3 KB, as a news article is.  Its publication date is its first
paragraph's own date shifted by a random number of weeks (whole weeks keep
weekday names true), and country, capital and leader names are swapped for
others of the same kind, so that the corpus is not the same few articles
repeated and the merging step sees many distinct events.  Same ``seed``, same
corpus.
"""
from __future__ import annotations

import datetime as dt
import json
import random
from functools import lru_cache
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]

# names swapped for one another: (kind, Arabic surface forms); only whole words are swapped
SWAPS: dict[str, tuple[str, ...]] = {
    "state": ("قطر", "مصر", "تركيا", "عمان", "الأردن", "السعودية", "الإمارات", "الكويت", "الجزائر", "المغرب"),
    "capital": ("الدوحة", "القاهرة", "أنقرة", "مسقط", "عمان", "الرياض", "أبوظبي", "الكويت", "الجزائر", "الرباط"),
    "leader": ("بوتين", "زيلينسكي", "أردوغان", "ماكرون", "شولتس", "بايدن", "ترامب", "السيسي", "عبدالله الثاني"),
}


@lru_cache(maxsize=1)
def _pieces() -> tuple[list[list[tuple[str, dt.date | None, str, str]]], list[tuple[str, dt.date, str, str]]]:
    """(articles as lists of (paragraph, date, outlet, url), corpus sentences as (text, date, "", ""))."""
    articles = []
    for line in (ROOT / "tests/dct/data/articles.jsonl").read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        r = json.loads(line)
        day = dt.date.fromisoformat(r["published"][:10]) if r.get("published") else None
        paras = [(p.strip(), day, r.get("outlet") or "", r.get("url") or "")
                 for p in r["text"].split("\n") if len(p.strip()) > 40]
        if paras:
            articles.append(paras)
    sentences = []
    for path in sorted((ROOT / "tests/events/corpus").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for ex in data.get("examples") or []:
            if isinstance(ex, dict) and ex.get("text") and ex.get("published"):
                day = ex["published"] if isinstance(ex["published"], dt.date) else dt.date.fromisoformat(
                    str(ex["published"]))
                sentences.append((ex["text"].strip(), day, "", ""))
    return articles, sentences


def _swap(text: str, rng: random.Random) -> str:
    for names in SWAPS.values():
        present = [n for n in names if f" {n} " in f" {text} "]
        if not present:
            continue
        old = rng.choice(present)
        new = rng.choice(names)
        text = f" {text} ".replace(f" {old} ", f" {new} ").strip()
    return text


def synthetic_articles(n: int, seed: int = 7) -> list[dict]:
    """``n`` JSON-lines records (see the module docstring)."""
    rng = random.Random(seed)
    articles, sentences = _pieces()
    rows = []
    for i in range(n):
        paras = list(rng.choice(articles))
        for _ in range(rng.randint(1, 3)):
            other = rng.choice(articles)
            paras.extend(other[: rng.randint(1, len(other))])
        paras.extend(rng.choice(sentences) for _ in range(rng.randint(0, 3)))
        day = paras[0][1] or dt.date(2024, 1, 1)
        published = day + dt.timedelta(weeks=rng.randint(-40, 40))
        text = "\n".join(_swap(p, rng) for p, _, _, _ in paras)
        rows.append({"id": f"syn-{seed}-{i:06d}", "published": published.isoformat(),
                     "source": paras[0][2] or None, "text": text})
    return rows


def write_jsonl(rows: list[dict], path: str | Path) -> Path:
    """Write ``rows`` as one JSON-lines file."""
    out = Path(path)
    with out.open("w", encoding="utf-8") as handle:
        for r in rows:
            handle.write(json.dumps(r, ensure_ascii=False) + "\n")
    return out
