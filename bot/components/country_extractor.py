"""Finds country names in any language and script and gives them as ISO 3166-1 alpha-2 codes.

A message that only names a country ("the netherlands", "NL", "holland") is the person
telling us their country, whatever the classifier guessed: its intent becomes choose_country.
"""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.components.countries import country_names
from bot.components.intents import put_first

ENTITY = "country"
CHOOSE_COUNTRY = "choose_country"


@DefaultV1Recipe.register(
    [DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR, DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER],
    is_trainable=False,
)
class CountryExtractor(GraphComponent, EntityExtractorMixin):
    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> CountryExtractor:
        return cls(config)

    def __init__(self, config: Dict[Text, Any]) -> None:
        self._config = config
        self._names = country_names()

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            text = message.get(TEXT) or ""
            entities = [e for e in message.get(ENTITIES, []) if e.get("entity") != ENTITY]
            for mention in self._names.find(text):
                entities.append({
                    "entity": ENTITY, "value": mention.code, "start": mention.start, "end": mention.end,
                    "confidence_entity": 1.0, "extractor": self.__class__.__name__,
                })
            message.set(ENTITIES, entities, add_to_output=True)
            if self._names.only(text):
                intent, ranking = put_first(CHOOSE_COUNTRY, message.get(INTENT), message.get(INTENT_RANKING_KEY))
                message.set(INTENT, intent, add_to_output=True)
                message.set(INTENT_RANKING_KEY, ranking, add_to_output=True)
        return messages
