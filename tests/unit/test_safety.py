"""Safety first: danger in any language is an emergency of its kind, and nothing can come
before the emergency answer (the rest of the proof is tests/e2e/test_conversation_sms.py,
which sends danger words in every state of a conversation)."""
from pathlib import Path

import pytest
import yaml
from rasa.shared.nlu.training_data.message import Message

from actions.i18n import LANGUAGES
from bot.components.emergency_keywords import KINDS, EmergencyKeywords
from bot.components.journey_stage import JourneyStage
from bot.components.country_extractor import CountryExtractor

BOT = Path(__file__).resolve().parents[2] / "bot"
PHRASINGS = yaml.safe_load((Path(__file__).parent / "safety_phrasings.yml").read_text(encoding="utf-8"))
STAGES = yaml.safe_load((Path(__file__).parent / "stage_phrasings.yml").read_text(encoding="utf-8"))


def understood(text, intent="pathways_work", confidence=0.97):
    ranking = [{"name": intent, "confidence": confidence}, {"name": "greet", "confidence": 0.02}]
    message = Message(data={"text": text, "intent": ranking[0], "intent_ranking": ranking, "entities": []})
    for component in (CountryExtractor({}), JourneyStage(), EmergencyKeywords()):
        component.process([message])
    return message


def entity(message, name):
    return next((e["value"] for e in message.get("entities") if e["entity"] == name), None)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_at_least_ten_ways_of_saying_danger_per_language_are_emergencies_of_their_kind(lang):
    cases = PHRASINGS[lang]["emergency"]
    assert len(cases) >= 10
    assert {case["kind"] for case in cases} == set(KINDS)  # every kind, in every language
    for case in cases:
        message = understood(case["text"])
        assert message.get("intent")["name"] == "emergency", case
        assert message.get("danger") == case["kind"], case


@pytest.mark.parametrize("lang", LANGUAGES)
def test_ordinary_questions_about_risks_are_not_emergencies(lang):
    for text in PHRASINGS[lang]["not_emergency"]:
        message = understood(text)
        assert message.get("intent")["name"] == "pathways_work", text
        assert message.get("danger") is None


def test_danger_words_are_read_last_so_that_no_other_component_can_undo_them():
    pipeline = [step["name"] for step in yaml.safe_load((BOT / "config.yml").read_text())["pipeline"]]
    assert pipeline[-1] == "bot.components.emergency_keywords.EmergencyKeywords"


def test_no_rule_or_story_answers_danger_with_anything_but_the_emergency_action():
    """The emergency rule has no condition, and every rule and story that has the emergency
    intent follows it with the emergency action at once; the rule policy comes first."""
    config = yaml.safe_load((BOT / "config.yml").read_text())
    assert config["policies"][0]["name"] == "RulePolicy"
    data = yaml.safe_load((BOT / "data" / "rules.yml").read_text())
    flows = data.get("rules", []) + data.get("stories", [])
    for path in (BOT / "data").glob("stories*.yml"):
        flows += yaml.safe_load(path.read_text()).get("stories", [])
    emergency_rules = [rule for rule in data["rules"] if rule["steps"][0].get("intent") == "emergency"]
    assert len(emergency_rules) == 1 and "condition" not in emergency_rules[0]
    for flow in flows:
        steps = flow["steps"]
        for index, step in enumerate(steps):
            if step.get("intent") == "emergency":
                assert steps[index + 1] == {"action": "action_emergency"}, flow.get("rule") or flow.get("story")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_where_a_person_is_in_the_journey_is_read_in_every_language(lang):
    for case in STAGES[lang]:
        message = understood(case["text"], "choose_country", 0.9)
        assert message.get("journey_stage") == case["stage"], case
        assert entity(message, "country") == case["country"], case


def test_no_stage_without_a_place_or_from_a_question_about_going_home():
    assert understood("i am in danger").get("journey_stage") is None
    assert understood("we are on the way").get("journey_stage") is None
    assert understood("i want to go back home to pakistan", "pathways_return").get("journey_stage") is None
