"""timeline: dated, sourced timelines of diplomatic negotiations from news articles.

The pipeline, stage by stage (each a sub-package):

    ingest    -> read .txt / .html / .jsonl and their manifest into Documents
    normalize -> Arabic working copy with an offset map to the original
    segment   -> composite pages into article segments and boilerplate
    temporal  -> find date expressions (rules as data) and resolve them
    export    -> events.json

``timeline.pipeline.build(paths)`` runs them all.
"""
from timeline.pipeline import BuildResult, build

__all__ = ["BuildResult", "build"]
__version__ = "0.1.0"
