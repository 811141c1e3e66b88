"""Shared fixtures: golden cases and a fresh Analyzer."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

GOLDEN = Path(__file__).parent / "golden"


def load_golden(name: str) -> list[dict]:
    """Rows of ``tests/golden/<name>.jsonl``."""
    with (GOLDEN / f"{name}.jsonl").open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


@pytest.fixture(scope="session")
def analyzer():
    import empathkit

    return empathkit.Analyzer()
