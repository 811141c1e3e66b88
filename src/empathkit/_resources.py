"""Package-data access and the thread-safe "load once" holder.

Data files live in ``empathkit/data`` and are read with :mod:`importlib.resources`, so they work from a
wheel, a zip or a source checkout alike.
"""
from __future__ import annotations

import csv
import io
import threading
from importlib import resources
from typing import Callable, Generic, TypeVar

from .errors import ResourceError

T = TypeVar("T")
_UNSET = object()


def data_path(name: str) -> resources.abc.Traversable:
    """The packaged data file ``name`` (it may not exist; see :func:`has_data`)."""
    return resources.files("empathkit") / "data" / name


def has_data(name: str) -> bool:
    """Whether the packaged data file ``name`` exists."""
    return data_path(name).is_file()


def read_bytes(name: str) -> bytes:
    """The bytes of packaged data file ``name``; :class:`ResourceError` if it is missing."""
    path = data_path(name)
    if not path.is_file():
        raise ResourceError(f"empathkit data file {name!r} is missing; reinstall empathkit (pip install --force-reinstall empathkit)")
    return path.read_bytes()


def read_tsv(name: str) -> list[dict[str, str]]:
    """Rows of a packaged TSV table (header row first, UTF-8, no quoting) as dicts."""
    text = read_bytes(name).decode("utf-8")
    reader = csv.DictReader(io.StringIO(text), delimiter="\t", quoting=csv.QUOTE_NONE)
    return [dict(row) for row in reader]


class Lazy(Generic[T]):
    """Build a value on first use, once, under a lock (check, lock, check again); read-only afterwards."""

    __slots__ = ("_build", "_lock", "_value")

    def __init__(self, build: Callable[[], T]) -> None:
        self._build = build
        self._lock = threading.Lock()
        self._value: object = _UNSET

    def get(self) -> T:
        """The value, built by the first caller; other threads wait for it."""
        value = self._value
        if value is _UNSET:
            with self._lock:
                value = self._value
                if value is _UNSET:
                    value = self._build()
                    self._value = value
        return value  # type: ignore[return-value]

    @property
    def loaded(self) -> bool:
        """Whether the value has been built."""
        return self._value is not _UNSET
