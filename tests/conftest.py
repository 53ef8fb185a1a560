"""Shared fixtures: paths to test data and the sample corpus, and a CLI runner."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DATA = ROOT / "tests" / "data"


@pytest.fixture
def data() -> Path:
    return DATA


@pytest.fixture
def sample_sources() -> Path:
    return ROOT / "sources"


@pytest.fixture
def runner():
    from click.testing import CliRunner

    return CliRunner()
