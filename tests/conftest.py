import os
import tempfile
from pathlib import Path

import pytest

os.environ.setdefault("RASA_TELEMETRY_ENABLED", "false")
# The anonymous counts the actions write go to a file of this test run, not to var/.
os.environ.setdefault("STATS_DB", str(Path(tempfile.mkdtemp(prefix="stats-")) / "stats.db"))

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def trained_model() -> Path:
    """The model for the current training data; trained once, then reused by its hash."""
    from bot.train import ensure_model

    return ensure_model()
