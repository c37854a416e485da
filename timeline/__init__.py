"""timeline: dated, sourced timelines of diplomatic negotiations from news articles.

The pipeline, stage by stage (each a sub-package):

    ingest    -> read .txt / .html / .jsonl and their manifest into Documents
    normalize -> Arabic working copy with an offset map to the original
    segment   -> composite pages into article segments and boilerplate
    temporal  -> find date expressions (rules as data) and resolve them
    knowledge -> actors, roles, places and outlets (the knowledge base)
    events    -> dated events with their actors, merged across articles
    graph     -> actor / mediator / event networks
    export    -> events.json, events.csv, graph files
    view      -> the self-contained interactive page (timeline.html)

In a notebook::

    import timeline
    tl = timeline.build(["seeds/"])     # a Timeline
    tl.events                           # pandas DataFrame, one row per event
    tl.filter(actor="Qatar", since="2024-05-01").figure()

``timeline.pipeline.build(paths)`` runs the stages and returns the raw
:class:`~timeline.pipeline.BuildResult`.
"""
from timeline.api import Timeline, build
from timeline.pipeline import BuildResult

__all__ = ["BuildResult", "Timeline", "build"]
__version__ = "0.1.0"
