"""Language identification, language names, the language of each reply and right-to-left marks."""
import pytest
from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import bidi
from actions.choose_language import ActionChooseLanguage
from actions.content_lookup import library
from actions.conversation_state import language_turn
from actions.converse import ActionConverse
from actions.i18n import LANGUAGES, is_right_to_left
from bot.components.language_choice import menu_number
from bot.components.language_id import identify
from bot.components.language_names import language_names


@pytest.mark.parametrize("text, lang", [
    ("how do i apply for asylum in germany", "en"),
    ("بدي روح على ألمانيا اشتغل", "ar"),
    ("میخواهم به آلمان بروم", "fa"),
    ("زه غواړم جرمني ته لاړ شم", "ps"),
    ("د افغانستان سفارت چیرته دی", "ps"),           # Pashto without its own letters
    ("مجھے جرمنی کا ویزا چاہیے", "ur"),
    ("কাজের ভিসা কিভাবে পাব", "bn"),
    ("je veux demander l'asile en france", "fr"),
    ("quiero trabajar en españa con papeles", "es"),
    ("ናብ ጀርመን ከመይ ክኸይድ እኽእል", "ti"),
    ("waxaan doonayaa inaan shaqo ka helo Jarmalka", "so"),
])
def test_a_clear_question_is_identified_confidently(text, lang):
    found = identify(text)
    assert (found.language, found.confident) == (lang, True)


def test_romanised_urdu_is_urdu_and_says_it_is_romanised():
    found = identify("mujhe dubai me kaam ka visa chahiye")
    assert (found.language, found.confident, found.romanised) == ("ur", True, True)


@pytest.mark.parametrize("text", ["ok", "1", "salam", "Lahore", "berlin", "hello", "سلام", "ሰላም", "👍", "?"])
def test_short_or_ambiguous_messages_are_never_confident(text):
    assert not identify(text).confident


@pytest.mark.parametrize("text, code", [
    ("english please", "en"), ("عربي", "ar"), ("دری", "fa"), ("farsi", "fa"), ("پښتو", "ps"), ("in urdu", "ur"),
    ("বাংলা", "bn"), ("français", "fr"), ("espanol", "es"), ("ትግርኛ", "ti"), ("Soomaali", "so"), ("arabe", "ar"),
])
def test_a_language_is_recognised_by_its_name_in_any_of_the_languages(text, code):
    assert language_names().only(text) == code


def test_menu_numbers_in_any_digits():
    assert [menu_number(text) for text in ["3", " 10 ", "٣", "۳", "৩", "3.", "three", "3 4", ""]] == \
        [3, 10, 3, 3, 3, 3, None, None, None]


# --- the language of each reply -----------------------------------------------------------------

def tracker(text, intent="greet", *, slots=None, detected=None, entities=None):
    slots = {"language": None, "language_chosen": None, "language_menu": None, "last_topic": None,
             "country": None, "pending_topic": None, "needs_country": None, "welcomed": True, **(slots or {})}
    message = {"text": text, "intent": {"name": intent, "confidence": 0.9}, "entities": entities or [],
               "intent_ranking": [{"name": intent, "confidence": 0.9}]}
    if detected:
        code, confident = detected
        message["detected_language"] = {"code": code, "confident": confident, "romanised": False}
    return Tracker("someone", slots, message, [], False, None, {}, "action_listen")


def test_the_first_message_sets_the_language_even_when_only_likely():
    assert language_turn(tracker("ሰላም", detected=("ti", False))) .code == "ti"
    assert language_turn(tracker("hmm")).code == "en"


def test_a_confident_detection_changes_the_language_a_likely_one_does_not():
    assert language_turn(tracker("x", slots={"language": "ar"}, detected=("fr", False))).code == "ar"
    turn = language_turn(tracker("x", slots={"language": "ar"}, detected=("fr", True)))
    assert (turn.code, turn.changed) == ("fr", True)


def test_a_chosen_language_is_kept_whatever_the_detection_says():
    turn = language_turn(tracker("x", slots={"language": "so", "language_chosen": True}, detected=("fr", True)))
    assert (turn.code, turn.changed) == ("so", False)


async def run(action, a_tracker):
    dispatcher = CollectingDispatcher()
    events = await action.run(dispatcher, a_tracker, {})
    return dispatcher.messages, events


async def test_the_first_reply_in_a_new_language_ends_with_how_to_change_it_and_records_it():
    messages, events = await run(ActionConverse(), tracker("مرحبا كيف حالك", detected=("ar", True)))
    assert messages[-1]["text"].endswith("لتغيير اللغة، اكتب لغة.")
    assert SlotSet("language", "ar") in events


async def test_the_next_reply_in_the_same_language_has_no_hint():
    messages, events = await run(ActionConverse(), tracker("شكرا", "thank", slots={"language": "ar"},
                                                           detected=("ar", False)))
    assert "لغة" not in messages[-1]["text"]
    assert not [e for e in events if e.get("name") == "language"]


async def test_a_number_chooses_from_the_menu_only_while_it_is_open():
    number = [{"entity": "number", "value": 2}]
    messages, events = await run(ActionChooseLanguage(), tracker("2", "choose_language", entities=number,
                                                                 slots={"language": "en"}))
    # No language menu open: the number is no option; the main menu is shown again.
    assert messages[0]["text"] == "That number is not one of the options. Reply with a number from this menu:"
    assert messages[1]["text"].startswith("Reply with a number:\n1 Legal ways to go")
    assert SlotSet("language_menu", True) not in events
    messages, events = await run(ActionChooseLanguage(), tracker(
        "2", "choose_language", entities=number,
        slots={"language": "en", "language_menu": True, "last_topic": "risks_smuggling"}))
    assert SlotSet("language", "ar") in events and SlotSet("language_chosen", True) in events
    assert bidi.strip_controls(messages[1]["text"]).startswith(library().answer(None, "risks_smuggling").text["ar"])


async def test_any_other_reply_closes_the_language_menu():
    _, events = await run(ActionConverse(), tracker("thanks", "thank", slots={"language": "en", "language_menu": True}))
    assert SlotSet("language_menu", False) in events


# --- right-to-left display --------------------------------------------------------------------

def test_numbers_and_addresses_are_isolated_in_right_to_left_text_for_display():
    text = "اتصل ب 088 043 0430 أو https://ind.nl/en/contact"
    assert bidi.for_channel(text, right_to_left=True, sms=False) == \
        "اتصل ب \u2066088 043 0430\u2069 أو \u2066https://ind.nl/en/contact\u2069"


def test_sms_and_left_to_right_text_carry_no_direction_marks():
    marked = "\u200fاتصل\u200f ب \u2066112\u2069"
    assert bidi.for_channel(marked, right_to_left=True, sms=True) == "اتصل ب 112"
    assert bidi.for_channel("call 112", right_to_left=False, sms=False) == "call 112"


def test_the_right_to_left_languages_are_arabic_dari_pashto_and_urdu():
    assert [lang for lang in LANGUAGES if is_right_to_left(lang)] == ["ar", "fa", "ps", "ur"]
