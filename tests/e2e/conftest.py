"""One real assistant for the end-to-end tests: both servers on free ports, an SQLite tracker store."""
import pytest

from bot.stack import running
from tests.e2e.ports import free_port
from tests.e2e.sms import start_sms


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


@pytest.fixture(scope="session")
def sms(trained_model, tmp_path_factory):
    """The assistant with its SMS channel and a loopback Twilio API (tests/e2e/sms.py)."""
    yield from start_sms(trained_model, tmp_path_factory)
