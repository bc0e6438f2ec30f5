"""A message none of whose words the assistant has ever seen is not understood, however sure
the classifier sounds.

The classifier reads character n-grams too, so random letters ("ضصثق قفغع", "qwertz
blubb") can still look like a known intent with high confidence. This component learns the
words of the training data (folded as every word list is) and makes a message with no
known word ``nlu_fallback``: the person hears that they were not understood and gets the
menu. The rules after it still recognise a country, a city, a language or a number, and
danger words always win. A message the classifier read as an emergency is left alone:
answering unknown words with the emergency numbers is the safe mistake.
"""
from __future__ import annotations

import json
from typing import Any, Dict, List, Optional, Set, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.components.emergency_keywords import EMERGENCY
from bot.components.intents import put_first
from bot.components.text import words

FALLBACK = "nlu_fallback"
VOCABULARY_FILE = "vocabulary.json"


def message_words(text: str) -> List[str]:
    return [word.key for word in words(text) if not word.key.isdigit()]


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True)
class UnknownWords(GraphComponent):
    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> UnknownWords:
        return cls(model_storage, resource)

    def __init__(self, model_storage: ModelStorage, resource: Resource,
                 vocabulary: Optional[Set[str]] = None) -> None:
        self._model_storage = model_storage
        self._resource = resource
        self.vocabulary: Set[str] = vocabulary or set()

    def train(self, training_data: TrainingData) -> Resource:
        self.vocabulary = {key for example in training_data.intent_examples
                           for key in message_words(example.get(TEXT) or "")}
        with self._model_storage.write_to(self._resource) as directory:
            (directory / VOCABULARY_FILE).write_text(json.dumps(sorted(self.vocabulary), ensure_ascii=False),
                                                     encoding="utf-8")
        return self._resource

    @classmethod
    def load(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
             execution_context: ExecutionContext, **kwargs: Any) -> UnknownWords:
        with model_storage.read_from(resource) as directory:
            vocabulary = set(json.loads((directory / VOCABULARY_FILE).read_text(encoding="utf-8")))
        return cls(model_storage, resource, vocabulary)

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            text = message.get(TEXT) or ""
            found = message_words(text)
            if not found or text.startswith("/") or any(key in self.vocabulary for key in found):
                continue
            if (message.get(INTENT) or {}).get("name") == EMERGENCY:
                continue
            put_first(message, FALLBACK)
        return messages
