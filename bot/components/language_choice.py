"""Asking for a language: the word for "language", a language's name, or a number from the menu.

A message that is only 0 is the way back to the main menu from anywhere: it becomes
``menu``. A message that is only one of these becomes ``choose_language`` whatever the classifier
thought, with the language as a ``language`` entity (an ISO 639-1 code) or the menu number
as a ``number`` entity. Language names inside other messages are extracted too; the actions
act on them only when the person asked for a language.
"""
from __future__ import annotations

import re
from typing import Any, Dict, List, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message

from actions.i18n import LANGUAGES
from bot.components.intents import put_first
from bot.components.language_names import language_names

CHOOSE_LANGUAGE = "choose_language"
MENU = "menu"
LANGUAGE, NUMBER = "language", "number"
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹০১২৩৪৫৬৭৮৯", "0123456789" * 3)
_MENU_NUMBER = re.compile(r"^\s*([0-9]{1,2})\s*[.)]?\s*$")


def menu_number(text: str) -> int | None:
    """The number of a message that is only a number (in Western, Arabic, Persian or Bengali digits)."""
    match = _MENU_NUMBER.match(text.translate(_DIGITS))
    return int(match.group(1)) if match else None


@DefaultV1Recipe.register(
    [DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR, DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER],
    is_trainable=False,
)
class LanguageChoice(GraphComponent, EntityExtractorMixin):
    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> LanguageChoice:
        return cls()

    def __init__(self) -> None:
        self._names = language_names()

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            text = message.get(TEXT) or ""
            entities = [e for e in message.get(ENTITIES, []) if e.get("entity") not in (LANGUAGE, NUMBER)]
            for mention in self._names.find(text):
                entities.append({"entity": LANGUAGE, "value": mention.code, "start": mention.start,
                                 "end": mention.end, "confidence_entity": 1.0, "extractor": self.__class__.__name__})
            number = menu_number(text)
            if number is not None and 1 <= number <= len(LANGUAGES):
                entities.append({"entity": NUMBER, "value": number, "start": 0, "end": len(text),
                                 "confidence_entity": 1.0, "extractor": self.__class__.__name__})
            message.set(ENTITIES, entities, add_to_output=True)
            asked = (self._names.is_menu_word(text) or self._names.only(text) is not None
                     or (number is not None and 1 <= number <= len(LANGUAGES)))
            if number == 0:
                put_first(message, MENU)
            elif asked:
                put_first(message, CHOOSE_LANGUAGE)
        return messages
