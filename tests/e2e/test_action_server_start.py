"""The action server refuses to start on broken content, and says where the problem is."""
import os
import subprocess
import sys

import pytest

from actions.paths import ROOT

pytestmark = pytest.mark.slow


def test_broken_content_stops_the_action_server_with_the_file_and_line(tmp_path):
    broken = tmp_path / "content"
    (broken / "global").mkdir(parents=True)
    (broken / "global" / "country.yml").write_text("country: global\nlast_reviewed: someday\n")
    result = subprocess.run(
        [sys.executable, "-m", "rasa_sdk", "--actions", "actions", "--port", "0"],
        cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT), "CONTENT_DIR": str(broken)},
        capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    output = result.stdout + result.stderr
    assert 'content/global/country.yml:2: last_reviewed must be a date written YYYY-MM-DD, not "someday"' in output
    assert "content/global/country.yml:1: missing 'info_point'" in output
