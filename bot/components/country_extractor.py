"""Finds country names in any language and script and gives them as ISO 3166-1 alpha-2 codes.

A message that only names a country ("the netherlands", "NL", "holland") is the person
telling us their country, whatever the classifier guessed: its intent becomes choose_country.
So is a message that only names a city of a country with service points ("Lahore",
"in lahore", "لاہور"): the answer to "which city are you in?", with the city's country as
the entity (the actions find the city in the text again).
"""
from __future__ import annotations

from typing import Any, Dict, FrozenSet, List, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.shared.nlu.constants import ENTITIES, INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.components.countries import country_names
from actions.places import only_city
from bot.components.intents import put_first


# Some city names are also words ("haan", "wah" or "اردو" are towns): a lone city name is
# taken as a place only when the classifier was not sure the message meant something else.
SURE = 0.9


def entities_named(entities: List[Dict[str, Any]]) -> bool:
    return any(entity.get("entity") == ENTITY for entity in entities)


def understood_otherwise(message: Message) -> bool:
    intent = message.get(INTENT) or {}
    return intent.get("name") not in (CHOOSE_COUNTRY, "out_of_scope", "nlu_fallback") and intent.get("confidence", 0) >= SURE

ENTITY = "country"
CHOOSE_COUNTRY = "choose_country"


def countries_with_points() -> FrozenSet[str]:
    """The countries whose content folder has a directory of service points."""
    from actions.content_loader import SERVICE_POINTS_FILE
    from actions.paths import CONTENT_DIR

    return frozenset(path.parent.name for path in CONTENT_DIR.glob(f"*/{SERVICE_POINTS_FILE}"))


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
        self._cities_of = countries_with_points()
        only_city("", self._cities_of, frozenset())  # builds the city index at start, not on a message

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            text = message.get(TEXT) or ""
            entities = [e for e in message.get(ENTITIES, []) if e.get("entity") != ENTITY]
            for mention in self._names.find(text):
                entities.append({
                    "entity": ENTITY, "value": mention.code, "start": mention.start, "end": mention.end,
                    "confidence_entity": 1.0, "extractor": self.__class__.__name__,
                })
            city = None
            if not entities_named(entities) and not understood_otherwise(message):
                city = only_city(text, self._cities_of, self._names.fillers)
            if city is not None:
                entities.append({"entity": ENTITY, "value": city.country, "start": city.start, "end": city.end,
                                 "confidence_entity": 1.0, "extractor": self.__class__.__name__})
            message.set(ENTITIES, entities, add_to_output=True)
            if self._names.only(text) or city is not None:
                put_first(message, CHOOSE_COUNTRY)
        return messages
