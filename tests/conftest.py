"""Test-wide settings: Prefect writes to a temporary home, never to ~/.prefect."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

_PREFECT_HOME = tempfile.mkdtemp(prefix="akhbar-prefect-")
os.environ.setdefault("PREFECT_HOME", _PREFECT_HOME)
os.environ.pop("PREFECT_API_URL", None) if os.environ.get("PREFECT_API_URL") == "" else None

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "samples"
SHARED = REPO.parent / "shared"


@pytest.fixture
def samples_dir() -> Path:
    return SAMPLES
