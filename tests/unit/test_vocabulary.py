"""Intents, rules, training data and content sections all use the topic ids of bot/topics.yml."""
from collections import Counter

import pytest
import yaml

from actions.content_lookup import library
from actions.i18n import LANGUAGES
from actions.paths import ROOT
from actions.topics import all_intents, conversation_intents, information_topics, safety_topics

BOT = ROOT / "bot"


def load(path):
    with open(path, encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def test_the_domain_has_exactly_the_intents_of_topics_yml():
    assert set(load(BOT / "domain.yml")["intents"]) == all_intents()
    assert len(all_intents()) == len(information_topics()) + len(safety_topics()) + len(conversation_intents())


def test_every_intent_has_a_rule_that_answers_it():
    rules = load(BOT / "data" / "rules.yml")["rules"]
    answered = {step["intent"] for rule in rules for step in rule["steps"][:1] if "intent" in step}
    assert answered == all_intents() | {"nlu_fallback"}


def examples(lang):
    found = Counter()
    texts = {}
    for block in load(BOT / "data" / "nlu" / f"{lang}.yml")["nlu"]:
        for line in block["examples"].splitlines():
            if line.strip().startswith("- "):
                found[block["intent"]] += 1
                texts.setdefault(" ".join(line.strip()[2:].casefold().split()), set()).add(block["intent"])
    return found, texts


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_language_has_at_least_15_examples_of_every_intent_and_none_in_two_intents(lang):
    counts, texts = examples(lang)
    assert set(counts) == all_intents()
    assert {intent: n for intent, n in counts.items() if n < 15} == {}
    assert {text: intents for text, intents in texts.items() if len(intents) > 1} == {}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_language_has_danger_phrases_of_every_kind_that_make_a_message_an_emergency(lang):
    from bot.components.emergency_keywords import KINDS, danger_in, read_list

    listed = read_list(BOT / "safety" / f"{lang}.txt")
    assert len(listed) >= 10, lang
    assert {danger.kind for danger in listed.values()} == set(KINDS), lang
    for danger in listed.values():
        found = danger_in(f"... {danger.phrase} ...")
        assert found is not None, danger
        if danger.kind != KINDS[0]:
            assert found.kind == danger.kind, danger


def test_content_covers_the_two_first_countries_across_the_groups():
    from actions.topics import topic_group

    for country in ("NL", "PK"):
        topics = [t for t in information_topics() if (a := library().answer(country, t)) and a.country == country]
        assert len(topics) >= 8, country
        groups = {topic_group(t) for t in topics}
        assert {"pathways", "rights", "risks", "services"} <= groups, (country, groups)
    for topic in ("tracing_family", "tracing_missing_migrant", "risks_smuggling", "risks_trafficking",
                  "risks_recruitment_fraud", "risks_irregular"):
        assert library().has_global_answer(topic), topic
