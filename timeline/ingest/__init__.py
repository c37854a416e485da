"""Ingestion: read articles (.txt, .html, .jsonl) and their manifests into Documents.

    from timeline.ingest import load_documents
    result = load_documents(["seeds"])
    result.documents  # list[timeline.model.Document], sorted by path then line
    result.problems   # list[InputProblem]; str(problem) == "path: message"
"""
from timeline.ingest.loader import DEFAULT_MAX_BYTES, iter_documents, load_documents
from timeline.ingest.problems import InputProblem, LoadResult

__all__ = ["DEFAULT_MAX_BYTES", "InputProblem", "LoadResult", "iter_documents", "load_documents"]
