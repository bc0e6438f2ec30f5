"""The real assistant: action server and Rasa server started on free ports, talked to over REST."""
import sqlite3
import time

import pytest

from actions.content_lookup import library
from tests.e2e.conversation import answer, new_person, texts

pytestmark = pytest.mark.slow


def covered():
    """The countries the content covers, by their English names, as the assistant lists them."""
    from actions.i18n import country_name

    return ", ".join(country_name(code, "en") for code in library().countries())


def test_a_work_visa_question_for_the_netherlands_gets_the_dutch_work_permit_content(assistant):
    nl_work = library().answer("NL", "pathways_work")
    reply = answer(assistant.say(new_person(), "how do i get a work visa for the netherlands"))
    assert reply.startswith(nl_work.text["en"])
    assert f"Source: {nl_work.review.sources[0]}" in reply
    assert "Checked on Nov 23, 2026" in reply


@pytest.mark.parametrize("country_reply", ["the netherlands", "NL", "holland"])
def test_asylum_without_a_country_asks_for_it_then_answers(assistant, country_reply):
    person = new_person()
    assert texts(assistant.say(person, "how do i apply for asylum")) == [
        "Which country are you in, or going to? Write its name, for example " + covered() + ".\n"
        "To change the language, write LANGUAGE."]
    reply = answer(assistant.say(person, country_reply))
    assert reply.startswith(library().answer("NL", "pathways_protection").text["en"])


def test_the_country_is_remembered_for_the_next_question(assistant):
    person = new_person()
    assistant.say(person, "how do i get a work visa for the netherlands")
    reply = answer(assistant.say(person, "how do i apply for asylum"))
    assert reply.startswith(library().answer("NL", "pathways_protection").text["en"])


def test_a_topic_without_content_for_the_country_says_so_and_gives_the_information_point(assistant):
    assert library().answer("NL", "pathways_qualifications") is None
    reply, follow_ups = texts(assistant.say(new_person(), "is my diploma valid in the netherlands"))
    point = library().profile("NL").info_point
    assert reply == ("I do not have checked information on this for Netherlands yet.\n"
                     f"You can ask {point.name['en']}: {point.phone} {point.url}")
    assert follow_ups == ("Was this useful? 1 Yes 2 No\n3 Work  4 Information points  0 Main menu\n"
                          "To change the language, write LANGUAGE.")


def test_danger_words_get_the_emergency_numbers_before_anything_else(assistant):
    person = new_person()
    assistant.say(person, "how do i get a work visa for the netherlands")
    replies = texts(assistant.say(person, "my boss locked me in the room and took my passport"))
    assert replies[0].startswith("If you are in danger now, call:\n112 - ")
    # The trafficking question under the danger words is answered after the numbers.
    assert replies[1] == library().answer("NL", "risks_trafficking").text["en"]


def test_emergency_with_no_country_known_gives_the_general_advice_then_the_country_numbers(assistant):
    person = new_person()
    reply = answer(assistant.say(person, "help the boat is sinking"))
    assert reply.startswith(library().profile(None).emergency_advice["en"])
    assert answer(assistant.say(person, "NL")).startswith("If you are in danger now, call:\n112 - ")


def test_conversations_are_kept_in_the_sqlite_tracker_store(assistant):
    person = new_person()
    assistant.say(person, "hello")
    with sqlite3.connect(assistant.tracker_db) as db:
        rows = db.execute("select count(*) from events where sender_id = ?", (person,)).fetchone()
    assert rows[0] > 0


@pytest.mark.parametrize("junk", ["", "🙏🙏🙏", "asdkjh qwe zzz", "?" * 3, "x" * 5000, "\u202e\u0000\ufeff",
                                  "مرحبا كيف حالك", "আমি জার্মানি যেতে চাই", "ሰላም ከመይ ኣለኹም"])
def test_junk_gets_a_safe_answer_and_the_conversation_goes_on(assistant, junk):
    person = new_person()
    replies = texts(assistant.say(person, junk))
    assert all(isinstance(text, str) and text for text in replies)
    reply = answer(assistant.say(person, "how do i get a work visa for the netherlands"))
    assert reply.startswith(library().answer("NL", "pathways_work").text["en"])


def test_the_logs_hold_no_message_text_or_sender(assistant):
    person = new_person()
    assistant.say(person, "my sister went missing near the sea of lampedusa")
    deadline = time.monotonic() + 30
    while "Rasa server is up and running" not in assistant.log_path.read_text() and time.monotonic() < deadline:
        time.sleep(0.5)  # the server logs it a moment after it starts answering
    log = assistant.log_path.read_text()
    assert "Rasa server is up and running" in log  # the servers' output is really captured here
    assert person not in log
    assert "lampedusa" not in log
