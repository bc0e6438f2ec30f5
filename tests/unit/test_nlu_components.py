"""The rule-based NLU components: danger words and lone country names override the classifier."""
import pytest
from rasa.shared.nlu.training_data.message import Message

from bot.components.country_extractor import CountryExtractor
from bot.components.emergency_keywords import EmergencyKeywords, danger_phrase_in


def classified(text, intent="pathways_work", confidence=0.93):
    ranking = [{"name": intent, "confidence": confidence}, {"name": "greet", "confidence": 0.05}]
    return Message(data={"text": text, "intent": ranking[0], "intent_ranking": ranking, "entities": []})


def emergency_rule():
    return EmergencyKeywords.create({}, None, None, None)


@pytest.mark.parametrize("text", [
    "HELP they locked us in a room",
    "the boat is sinking",
    "my boss is beating me",
    "im in danger",
    "they will kill me",
    "SOS",
    "I was raped last night",
    "we are trapped in the truck cant breathe",
])
def test_danger_words_make_any_message_an_emergency(text):
    [message] = emergency_rule().process([classified(text, "risks_trafficking", 0.97)])
    assert message.get("intent") == {"name": "emergency", "confidence": 1.0}
    # What the classifier understood stays second, so the question can be answered after the contacts.
    assert [r["name"] for r in message.get("intent_ranking")][:2] == ["emergency", "risks_trafficking"]


@pytest.mark.parametrize("text", [
    "is it dangerous to go by boat to italy",
    "how do i get a work visa",
    "what are the signs of trafficking",
    "where can i see a doctor",
])
def test_questions_without_danger_words_are_left_alone(text):
    [message] = emergency_rule().process([classified(text)])
    assert message.get("intent")["name"] == "pathways_work"
    assert danger_phrase_in(text) is None


def test_a_lone_country_name_is_the_person_naming_their_country():
    [message] = CountryExtractor({}).process([classified("the netherlands", "out_of_scope", 0.5)])
    assert message.get("intent") == {"name": "choose_country", "confidence": 1.0}
    assert [(e["entity"], e["value"]) for e in message.get("entities")] == [("country", "NL")]


def test_a_question_naming_a_country_keeps_its_intent_and_gets_the_code():
    text = "how do i get a work visa for the netherlands"
    [message] = CountryExtractor({}).process([classified(text)])
    assert message.get("intent")["name"] == "pathways_work"
    [entity] = message.get("entities")
    assert (entity["value"], text[entity["start"]:entity["end"]]) == ("NL", "netherlands")


def test_a_message_of_words_never_seen_is_not_understood_whatever_the_classifier_says():
    from bot.components.unknown_words import UnknownWords

    rule = UnknownWords(None, None, {"work", "visa", "how", "do", "i", "get", "a"})
    junk, question, number, danger = (classified(text, "affirm", 0.92) for text in
                                      ("qwertz blubb", "how do i get a wrk visa", "2", "zzzz qqq"))
    danger.set("intent", {"name": "emergency", "confidence": 0.6})
    rule.process([junk, question, number, danger])
    assert junk.get("intent") == {"name": "nlu_fallback", "confidence": 1.0}
    assert question.get("intent")["name"] == "affirm"  # some words are known: the classifier decides
    assert number.get("intent")["name"] == "affirm"  # numbers are menu choices, read by later rules
    assert danger.get("intent")["name"] == "emergency"  # the safe mistake is kept


def test_a_greeting_before_a_question_is_the_question():
    from bot.components.greeting_with_question import GreetingWithQuestion

    def ranked(text, first, second):
        ranking = [{"name": first[0], "confidence": first[1]}, {"name": second[0], "confidence": second[1]},
                   {"name": "menu", "confidence": 0.02}]
        return Message(data={"text": text, "intent": ranking[0], "intent_ranking": ranking, "entities": []})

    question = ranked("salam, i want to work in germany", ("pathways_work", 0.49), ("greet", 0.46))
    greeting = ranked("salam aleikum", ("greet", 0.5), ("thank", 0.45))
    small_talk = ranked("hello how are you doing today", ("greet", 0.9), ("thank", 0.05))
    peace = ranked("haye ma nabad baa", ("greet", 0.55), ("goodbye", 0.4))  # a greeting, not a question
    arrived = ranked("i just arrived in sweden tell me my rights", ("choose_country", 0.5), ("rights_overview", 0.45))
    GreetingWithQuestion().process([question, greeting, small_talk, arrived, peace])
    assert peace.get("intent")["name"] == "greet"
    assert arrived.get("intent") == {"name": "rights_overview", "confidence": 0.95}
    assert small_talk.get("intent")["name"] == "greet"
    assert question.get("intent") == {"name": "pathways_work", "confidence": 0.95}
    assert [r["name"] for r in question.get("intent_ranking")] == ["pathways_work", "menu"]
    assert greeting.get("intent")["name"] == "greet"  # a greeting alone stays a greeting
