"""Staff edit a content file while the assistant runs: a good edit is live within 2 seconds, a
broken one is refused with its file:line in the log and the last good content goes on."""
import shutil
import time

import pytest

from actions.paths import CONTENT_DIR
from bot.stack import running
from tests.e2e.ports import free_port
from tests.e2e.conversation import answer, new_person

pytestmark = pytest.mark.slow

QUESTION = "how do i get a work visa for the netherlands"


@pytest.fixture(scope="module")
def live(trained_model, tmp_path_factory):
    folder = tmp_path_factory.mktemp("live")
    content = folder / "content"
    shutil.copytree(CONTENT_DIR, content)
    log_path = folder / "servers.log"
    with open(log_path, "w") as log:
        with running(trained_model, free_port(), free_port(), folder / "tracker.db", log,
                     environment={"CONTENT_DIR": str(content)}) as stack:
            stack.content = content
            stack.log_path = log_path
            yield stack


def reply_within(stack, seconds, wanted):
    """The reply to QUESTION as soon as ``wanted(reply)`` holds, or the last one after ``seconds``."""
    deadline = time.monotonic() + seconds
    while True:
        reply = answer(stack.say(new_person(), QUESTION))
        if wanted(reply) or time.monotonic() > deadline:
            return reply
        time.sleep(0.2)


def test_a_good_edit_is_served_within_two_seconds_and_a_broken_one_is_refused(live):
    work = live.content / "NL" / "pathways_work.yml"
    original = work.read_text(encoding="utf-8")
    assert answer(live.say(new_person(), QUESTION)).startswith("From outside the EU/EEA")

    work.write_text(original.replace("From outside the EU/EEA", "Checked today: from outside the EU/EEA"),
                    encoding="utf-8")
    started = time.monotonic()
    reply = reply_within(live, 2.0, lambda text: text.startswith("Checked today"))
    assert reply.startswith("Checked today: from outside the EU/EEA"), reply
    assert time.monotonic() - started <= 2.5

    work.write_text(original.replace("review_by: 2027-05-23", "review_by: soon"), encoding="utf-8")
    time.sleep(2.0)
    assert answer(live.say(new_person(), QUESTION)).startswith("Checked today: from outside the EU/EEA")
    log = live.log_path.read_text()
    assert "Content change refused" in log
    assert "NL/pathways_work.yml:3: review_by must be a date written YYYY-MM-DD" in log

    work.write_text(original, encoding="utf-8")
    assert reply_within(live, 2.0, lambda text: text.startswith("From outside")).startswith("From outside")


def test_a_deleted_topic_file_is_no_longer_served_and_a_deleted_country_file_is_refused(live):
    rights = live.content / "NL" / "rights_health.yml"
    country = live.content / "NL" / "country.yml"
    kept_country = country.read_text(encoding="utf-8")
    rights.unlink()
    question = "can i see a doctor in the netherlands without insurance"
    deadline = time.monotonic() + 2.0
    while "I do not have checked information on this for Netherlands" not in answer(live.say(new_person(), question)):
        assert time.monotonic() < deadline, "the deleted file is still served after 2 s"
        time.sleep(0.2)

    country.unlink()
    time.sleep(2.0)
    # Without its country file the folder is broken: refused, and the NL numbers still come.
    danger = answer(live.say(new_person(), "help they are beating me in the netherlands"))
    assert "112" in danger
    assert "every folder needs a country.yml" in live.log_path.read_text()
    country.write_text(kept_country, encoding="utf-8")
