"""The conversation as a person with a basic phone has it: over SMS, by numbers, in their language.

The real assistant with its SMS channel and a loopback Twilio API (tests/e2e/sms.py)."""
import sqlite3

import pytest

from actions.content_lookup import library
from actions.i18n import translator
from actions.reply import welcome
from channels.people import pseudonym
from channels.sms_text import DEFAULT_BUDGET, encoding, plain
from tests.e2e.sms import Phone

pytestmark = pytest.mark.slow

MAIN_MENU = ("Reply with a number:\n1 Legal ways to go\n2 Your rights\n3 Risks and scams\n4 Where to get help\n"
             "5 Find family\n6 Talk to a person")
EMERGENCY_FIRST_LINES = ("If you are in danger now, call:", "If you or someone with you is in danger now")


def within_budget(sms_text):
    return encoding(sms_text).segments <= DEFAULT_BUDGET


def is_menu(sms_text):
    """A menu arrives whole, in one SMS of the budget, never cut with MORE."""
    return within_budget(sms_text) and "MORE" not in sms_text


def test_first_contact_is_a_short_welcome_then_the_offer_of_the_menu(sms):
    welcome, offer = Phone(sms).send("hello", replies=2)
    assert welcome == ("Hello! I give checked information on safe migration and where to find help.\n"
                       "I am not a lawyer or a government office.\n"
                       "I keep only your language, country and topics. To erase them, write DELETE MY DATA.")
    assert offer == "OK. Write your question, or 0 for the menu.\nTo change the language, write LANGUAGE."
    assert within_budget(welcome) and within_budget(offer)


@pytest.mark.parametrize("greeting, lang", [("مرحبا", "ar"), ("سلام، میخواهم در باره ویزه معلومات بگیرم", "fa"),
                                            ("আমি ভিসা সম্পর্কে জানতে চাই", "bn"), ("ሰላም፡ ብዛዕባ ቪዛ ክፈልጥ እደሊ", "ti")])
def test_first_contact_in_a_two_byte_script_still_fits_the_budget(sms, greeting, lang):
    first = Phone(sms).send(greeting, replies=2)
    assert first[0] == plain(welcome(lang))  # in the person's language, the erase words too
    assert encoding(first[0]).name == "UCS-2" and all(within_budget(text) for text in first)


def test_the_menus_are_walked_by_numbers_only_and_each_fits_one_sms(sms):
    phone = Phone(sms).greeted()
    assert phone.send("0") == [MAIN_MENU]
    [risks] = phone.send("3")
    assert risks == "Risks and scams:\n1 Irregular travel\n2 Smugglers\n3 Trafficking\n4 Fake job offers\n0 Main menu"
    answer = phone.send("2")[0]  # smugglers: an answer that holds everywhere, no country needed
    assert plain(library().answer(None, "risks_smuggling").text["en"])[:60] in plain(answer)
    while "MORE" in answer.splitlines()[-1]:
        answer = phone.send("MORE")[0]
    assert answer.endswith("Was this useful? 1 Yes 2 No\n3 Trafficking  4 All legal ways  0 Main menu")
    assert phone.send("1") == ["Thank you, this helps us improve the answers."]
    assert phone.send("0") == [MAIN_MENU]
    [stage] = phone.send("2")  # your rights: which ones come first depends on the stage of the journey
    assert stage == ("Where are you now?\n1 At home, planning to go\n2 On the way\n3 Arrived in the country\n"
                     "0 Main menu")
    [rights] = phone.send("3")
    assert rights.startswith("Your rights:\n1 Rights and duties\n2 Registration, permits") and "6 More" in rights
    [more] = phone.send("6")
    assert more.startswith("Your rights:\n1 School, language")
    walked = [MAIN_MENU, risks, stage, rights, more]
    for number in "12345":  # every group from the main menu, and back with 0
        assert phone.send("0") == [MAIN_MENU]
        walked += phone.send(number)
    assert all(is_menu(menu) for menu in walked), walked
    [asked] = phone.send("7")  # not an option
    assert asked.startswith("That number is not one of the options.")


def test_the_person_changes_country_and_the_answers_follow(sms):
    phone = Phone(sms).greeted()
    greece = phone.send("how do i ask for asylum in greece")[0]
    assert plain(library().answer("GR", "pathways_protection").text["en"])[:50] in plain(greece)
    assert phone.send("I am now in Italy") == ["OK: Italy. Write your question, or 0 for the menu."]
    italy = phone.send("how do i ask for asylum")[0]
    assert plain(library().answer("IT", "pathways_protection").text["en"])[:50] in plain(italy)


def test_service_points_by_city_and_near_me(sms):
    phone = Phone(sms).greeted()
    [lahore] = phone.send("information point in lahore")
    assert lahore.startswith("Nearest places to Lahore:\n1. ")
    [asked] = phone.send("where is an information point near me")
    assert asked == "Which city are you in? Write its name, or share your location.\n0 Main menu"
    [karachi] = phone.send("Karachi")
    assert karachi.startswith("Nearest places to Karachi:\n1. ") and within_budget(karachi)


def test_danger_comes_first_in_the_middle_of_a_menu(sms):
    phone = Phone(sms).greeted()
    phone.send("I am now in the Netherlands")
    phone.send("0")
    phone.send("3")  # the risks menu is on screen
    [numbers] = phone.send("they are beating me")
    lines = numbers.splitlines()
    assert lines[0] == "If you are in danger now, call:" and lines[1].startswith("112 - ")
    assert any(line.startswith("0800 2000 - ") for line in lines)  # the violence hotline
    assert lines[-3:] == ["Are you safe now?", "1 Yes", "2 No"]
    assert phone.send("2") == ["Please call 112 now. Write to me again at any time."]


@pytest.mark.parametrize("into_state", [
    ["0"],                                            # the main menu
    ["0", "2"],                                       # the stage question
    ["language"],                                     # the language menu
    ["delete my data"],                               # the erase confirmation
    ["where is a clinic near me"],                    # waiting for a city
    ["how do i apply for asylum"],                    # waiting for a country
    ["what are the risks of smugglers"],              # "Was this useful?"
    ["they are beating me"],                          # "Are you safe now?"
])
def test_nothing_delays_the_emergency_answer_whatever_was_asked_before(sms, into_state):
    phone = Phone(sms).greeted()
    for message in into_state:
        text = phone.send(message)[0]
        while "MORE" in text.splitlines()[-1]:
            text = phone.send("MORE")[0]
    first = phone.send("help me please, a man is following me with a knife")[0]
    assert first.startswith(EMERGENCY_FIRST_LINES), (into_state, first)


def test_erase_asks_first_then_erases_everything_and_says_so(sms):
    phone = Phone(sms).greeted()
    phone.send("how do i get a work visa for the netherlands")
    person = pseudonym(phone.number, "test-secret", "sms")
    with sqlite3.connect(sms.tracker_db) as db:
        assert db.execute("select count(*) from events where sender_id = ?", (person,)).fetchone()[0] > 0
    [confirm] = phone.send("delete my data")
    assert confirm == ("This erases our conversation and everything I keep about you. Erase it?\n"
                       "1 Yes, erase\n2 No")
    assert phone.send("1") == ["Done: everything I kept about you is erased. You can write again at any time."]
    with sqlite3.connect(sms.tracker_db) as db:
        assert db.execute("select count(*) from events where sender_id = ?", (person,)).fetchone()[0] == 0
    assert phone.send("MORE") == ["That was the whole answer. Write your next question."]  # the channel forgot too
    welcome, _ = phone.send("hello", replies=2)  # a new conversation: welcomed again
    assert welcome.startswith("Hello!")


def test_saying_no_to_erasing_keeps_the_conversation(sms):
    phone = Phone(sms).greeted()
    phone.send("delete my data")
    assert phone.send("2") == ["OK, nothing was erased."]
    person = pseudonym(phone.number, "test-secret", "sms")
    with sqlite3.connect(sms.tracker_db) as db:
        assert db.execute("select count(*) from events where sender_id = ?", (person,)).fetchone()[0] > 0


def test_an_emergency_answer_is_never_cut_even_in_a_two_byte_script(sms):
    phone = Phone(sms)
    phone.send("من حالا در آلمان هستم", replies=2)  # Dari, in Germany: long purposes in UCS-2
    [numbers] = phone.send("مرا میزنند")  # "they are beating me"
    assert encoding(numbers).name == "UCS-2" and encoding(numbers).segments > DEFAULT_BUDGET
    assert "MORE" not in numbers
    assert "112 - " in numbers and "116 016 - " in numbers  # the violence hotline, right after
    assert numbers.splitlines()[-3] == translator("fa")("Are you safe now?")


def test_options_hidden_behind_more_are_no_choice_until_they_were_seen(sms):
    phone = Phone(sms).greeted()
    first = phone.send("كيف احصل على فيزا عمل في هولندا")[0]
    assert "MORE" in first.splitlines()[-1]
    # The person has not seen "2 No" yet: not taken as feedback, and the rest of the answer is kept.
    assert phone.send("2") == [translator("ar")("Reply MORE for the rest")]
    rest = phone.send("MORE")[0]
    while "MORE" in rest.splitlines()[-1]:
        rest = phone.send("MORE")[0]
    assert "1 نعم 2 لا" in rest  # now the options are shown
    assert phone.send("2") == [translator("ar")("Thank you. We will use this to improve the answers. Write 0 for "
                                                "the menu.")]


def test_zero_is_the_main_menu_even_while_an_answer_waits_for_more(sms):
    phone = Phone(sms).greeted()
    assert "MORE" in phone.send("كيف احصل على فيزا عمل في هولندا")[0].splitlines()[-1]
    assert phone.send("0")[0].startswith(translator("ar")("Reply with a number:"))


def test_a_greeting_that_does_not_tell_the_language_gets_the_language_menu_then_the_welcome(sms):
    phone = Phone(sms)
    [menu] = phone.send("سلام")  # Arabic, Dari, Pashto and Urdu alike
    assert menu.startswith("Choose your language, reply with its number:\n1 English\n2 العربية\n3 دری")
    assert menu.endswith("10 Soomaali")  # nothing in English after it
    assert is_menu(menu)
    welcome_dari, chosen = phone.send("3", replies=2)
    assert welcome_dari == plain(welcome("fa")) and within_budget(chosen)
