"""Adds to every message the language it is written in (see language_id), for the actions to use.

The detection goes into the parse result as ``detected_language``:
``{"code": "ur", "confident": true, "romanised": true}`` (``code`` null when unknown).
"""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.components.language_id import identify, load_models

DETECTED_LANGUAGE = "detected_language"


# Registered as an extractor: it runs on every message at inference and needs no training.
@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR, is_trainable=False)
class LanguageDetector(GraphComponent):
    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> LanguageDetector:
        load_models()
        return cls()

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            found = identify(message.get(TEXT) or "")
            message.set(DETECTED_LANGUAGE, {"code": found.language, "confident": found.confident,
                                            "romanised": found.romanised}, add_to_output=True)
        return messages
