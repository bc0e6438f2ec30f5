"""What the channels keep about a person between two messages survives a restart, and no longer
than it should."""
import sqlite3
import time

from channels.people import OptOuts, SeenMessages, Waiting


def test_what_waits_for_a_person_survives_a_restart(tmp_path):
    waiting = Waiting(tmp_path / "channels.db")
    waiting.keep_language("sms-a", "ar")
    waiting.keep_choices("sms-a", ["/feedback_yes", "/feedback_no"], ["Yes", "No"])
    waiting.keep_parts("sms-a", ["second part", "third part"])
    waiting.hold_choices("sms-a")
    waiting.flush()

    again = Waiting(tmp_path / "channels.db")  # the server started again
    assert again.language("sms-a", "en") == "ar"
    assert again.holds_choices("sms-a") and again.choices("sms-a") == []
    assert again.next_part("sms-a") == "second part"
    assert again.next_part("sms-a") == "third part"
    assert again.choices("sms-a") == ["/feedback_yes", "/feedback_no"]
    assert again.next_part("sms-a") is None
    assert again.language("sms-b", "en") == "en"  # nobody else's


def test_a_keyboard_title_maps_back_to_its_payload(tmp_path):
    waiting = Waiting(tmp_path / "channels.db")
    waiting.keep_choices("tg-a", ["/menu_group{\"group\":\"rights\"}"], ["Rights"])
    assert waiting.chosen_by_title("tg-a", "Rights") == "/menu_group{\"group\":\"rights\"}"
    assert waiting.chosen_by_title("tg-a", "Risks") is None
    waiting.keep_choices("tg-a", [])
    assert waiting.chosen_by_title("tg-a", "Rights") is None


def test_erasing_a_person_leaves_no_row_of_theirs(tmp_path):
    waiting = Waiting(tmp_path / "channels.db")
    waiting.keep_language("sms-a", "fa")
    waiting.keep_parts("sms-a", ["the rest of an answer on violence at home"])
    waiting.keep_language("sms-b", "bn")
    waiting.forget("sms-a")
    waiting.flush()
    with sqlite3.connect(tmp_path / "channels.db") as db:
        assert [row[0] for row in db.execute("select key from waiting")] == ["sms-b"]


def test_what_waits_is_forgotten_after_the_time_it_is_kept_for(tmp_path):
    waiting = Waiting(tmp_path / "channels.db", keep_for=0.2)
    waiting.keep_parts("sms-a", ["a part nobody asked for since"])
    waiting.flush()
    time.sleep(0.3)
    assert waiting.next_part("sms-a") is None
    again = Waiting(tmp_path / "channels.db", keep_for=0.2)
    assert again.next_part("sms-a") is None
    again.keep_language("sms-b", "so")  # a write clears what is old from the file too
    again.flush()
    with sqlite3.connect(tmp_path / "channels.db") as db:
        assert [row[0] for row in db.execute("select key from waiting")] == ["sms-b"]


def test_a_message_id_is_handled_once_also_after_a_restart(tmp_path):
    seen = SeenMessages(tmp_path / "channels.db")
    assert seen.first_time("SM1") and not seen.first_time("SM1")
    seen.flush()
    again = SeenMessages(tmp_path / "channels.db")
    assert not again.first_time("SM1")
    assert again.first_time("SM2")


def test_stop_holds_after_a_restart_until_start(tmp_path):
    opt_outs = OptOuts(tmp_path / "channels.db")
    opt_outs.stop("sms-a")
    opt_outs.flush()
    again = OptOuts(tmp_path / "channels.db")
    assert again.stopped("sms-a") and not again.stopped("sms-b")
    again.start("sms-a")
    again.flush()
    assert not OptOuts(tmp_path / "channels.db").stopped("sms-a")


def test_a_person_writing_faster_than_the_pace_is_told_once_and_then_not_answered():
    from channels.people import Pace

    pace = Pace(per_minute=3, per_day=10)
    assert [pace.over("sms-a", now=t) for t in (0, 1, 2)] == [(None, False)] * 3
    assert pace.over("sms-a", now=3) == (Pace.MINUTE, True)  # told once...
    assert pace.over("sms-a", now=4) == (Pace.MINUTE, False)  # ...then nothing, to feed no loop
    assert pace.over("sms-b", now=4) == (None, False)  # nobody else is held back
    assert pace.over("sms-a", now=70) == (None, False)  # a minute of quiet, and answered again
    assert [pace.over("sms-a", now=t * 100) for t in (1, 2, 3, 4)] == [(None, False)] * 4  # ten today
    assert pace.over("sms-a", now=2400) == (Pace.DAY, True)  # the eleventh message of the day
    assert pace.over("sms-a", now=2500) == (Pace.DAY, False)
    assert pace.over("sms-a", now=2400 + 86400) == (None, False)  # the next day


def test_a_loop_that_never_pauses_is_told_once_a_day_and_never_answered():
    from channels.people import Pace

    pace = Pace(per_minute=3, per_day=1000)
    answered = told = 0
    for second in range(0, 3600, 5):  # an auto-reply answering every 5 seconds for an hour
        limit, tell = pace.over("sms-loop", now=second)
        answered += limit is None
        told += tell
    assert answered == 3 and told == 1
