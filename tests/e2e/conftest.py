"""One real assistant for the end-to-end tests: both servers on free ports, an SQLite tracker store."""
import socket

import pytest

from bot.stack import running


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="session")
def assistant(trained_model, tmp_path_factory):
    folder = tmp_path_factory.mktemp("assistant")
    log_path = folder / "servers.log"
    with open(log_path, "w") as log:
        try:
            with running(trained_model, free_port(), free_port(), folder / "tracker.db", log) as stack:
                stack.tracker_db = folder / "tracker.db"
                stack.log_path = log_path
                yield stack
        except Exception:
            print(log_path.read_text()[-6000:])
            raise
