"""The Rasa project as Rasa itself checks it: data validation and the test stories."""
import json
import os
import subprocess
import sys

import pytest
import yaml

from actions.paths import ROOT

pytestmark = pytest.mark.slow
ENV = {**os.environ, "PYTHONPATH": str(ROOT), "RASA_TELEMETRY_ENABLED": "false"}


def rasa(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "rasa", *args], cwd=cwd, env=ENV,
                          capture_output=True, text=True, timeout=900)


def test_rasa_data_validate_finds_no_problem():
    result = rasa("data", "validate", "--fail-on-warnings", "--domain", "bot/domain.yml", "--data", "bot/data",
                  "--config", "bot/config.yml")
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]


def test_every_test_story_passes(trained_model, tmp_path):
    """End-to-end test stories: the NLU reads each message, the policies choose each action."""
    stories = [story for path in sorted((ROOT / "tests" / "stories").glob("*.yml"))
               for story in yaml.safe_load(path.read_text(encoding="utf-8"))["stories"]]
    result = rasa("test", "core", "--e2e", "--model", str(trained_model), "--stories", str(ROOT / "tests" / "stories"),
                  "--out", str(tmp_path), "--no-plot")
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    failed = (tmp_path / "failed_test_stories.yml").read_text()
    assert failed.startswith("# None of the test stories failed"), failed
    summary = json.loads((tmp_path / "story_report.json").read_text())["conversation_accuracy"]
    assert (summary["correct"], summary["total"]) == (len(stories), len(stories))
