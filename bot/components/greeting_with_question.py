"""A greeting or "I am in X" said before a question is the question.

"Salam, I want to work in Germany" and "I just arrived in Sweden, what are my rights?":
people often greet, or say where they are, before they ask. The classifier then sees both,
and with the two about as likely the fallback would say it did not understand. When a
message of several words has a greeting or a statement of place (choose_country) and a
question or request as its two most likely readings, and the question is itself fairly
likely, the question is taken, with their confidence added up (the country named stays an
entity, so the answer is for it). Runs before the fallback classifier.
"""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from actions.topics import information_topics
from bot.components.intents import set_intent
from bot.components.text import words

FRAMING = ("greet", "choose_country")  # what people say before their question
MIN_WORDS = 4  # "salam aleikum" alone is a greeting
MIN_SHARE = 0.25  # "hello, how are you today" is a greeting: nothing else comes near
ASKED = frozenset(information_topics()) | {"talk_to_human"}  # a question or a request, not "bye" or "ok"


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class GreetingWithQuestion(GraphComponent):
    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> GreetingWithQuestion:
        return cls()

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            ranking = message.get(INTENT_RANKING_KEY) or []
            if len(ranking) < 2 or len(words(message.get(TEXT) or "")) < MIN_WORDS:
                continue
            first, second = ranking[0], ranking[1]
            framing = [entry for entry in (first, second) if entry.get("name") in FRAMING]
            if len(framing) != 1:
                continue
            asked = second if framing[0] is first else first
            if asked.get("name") not in ASKED or asked["confidence"] < MIN_SHARE:
                continue
            set_intent(message, {"name": asked["name"], "confidence": first["confidence"] + second["confidence"]},
                       ranking[2:])
        return messages
