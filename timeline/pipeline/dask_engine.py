"""Per-document work on a Dask cluster (``dask.distributed``).

``"local"`` starts a ``distributed.LocalCluster`` of worker processes on this
machine (one thread each: the work is pure Python); any other value is the
address of a running scheduler (``tcp://scheduler:8786``) whose workers have
this package installed at the same version.  Dask is an optional dependency
(``pip install 'timeline[dask]'``); without it a clear error says so.
"""
from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any


class DaskUnavailable(RuntimeError):
    """``--dask`` was asked for but dask.distributed is not installed."""


@contextmanager
def dask_client(address: str, workers: int) -> Iterator[Any]:
    """A ``distributed.Client`` for ``address`` ("local" or a scheduler address), closed afterwards."""
    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:
        raise DaskUnavailable("running on Dask needs dask.distributed: pip install 'timeline[dask]'") from exc
    if address == "local":
        with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None,
                          silence_logs=logging.ERROR) as cluster, Client(cluster) as client:
            yield client
        return
    with Client(address) as client:
        yield client
