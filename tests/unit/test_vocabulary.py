"""Intents, rules, training data and content sections all use the topic ids of bot/topics.yml."""
from collections import Counter

import yaml

from actions.content_lookup import library
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


def test_english_training_data_has_at_least_15_examples_per_intent():
    counts = Counter()
    for block in load(BOT / "data" / "nlu" / "en.yml")["nlu"]:
        if "intent" in block:
            counts[block["intent"]] += sum(1 for line in block["examples"].splitlines() if line.strip().startswith("- "))
    assert set(counts) == all_intents()
    assert {intent: n for intent, n in counts.items() if n < 15} == {}


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
