"""Where the person is in the journey, from what they say: "I want to go to Italy" is before
departure, "we are on the way" on the way, "I am now in Greece" arrived.

The phrases are bot/language/stages.yml, per language, kept by staff. A message with one
is marked with it (``journey_stage``: before_departure, on_the_way, arrived); the actions keep
it in the ``stage`` slot, and the menus put the topics of that stage first. (A menu button
gives the stage as a ``stage`` entity instead.)

Only a message that also names a country or a city says where the person is: "I am in
danger" or "I am in trouble" say nothing about the journey, and neither does a question
about going back home.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any, Dict, List, Optional, Text, Tuple

import yaml
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import ENTITIES, INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message

from actions.menus import STAGES
from bot.components.text import find_phrases, phrase_key, words

STAGES_FILE = Path(__file__).resolve().parent.parent / "language" / "stages.yml"
JOURNEY_STAGE = "journey_stage"


@lru_cache(maxsize=1)
def stage_phrases() -> Tuple[Dict[Tuple[str, ...], str], int]:
    with open(STAGES_FILE, encoding="utf-8") as handle:
        by_language = yaml.safe_load(handle)
    phrases: Dict[Tuple[str, ...], str] = {}
    for lang, stages in by_language.items():
        for stage, listed in (stages or {}).items():
            if stage not in STAGES:
                raise ValueError(f"{STAGES_FILE}: '{stage}' under {lang} is not one of {', '.join(STAGES)}")
            for phrase in listed or []:
                key = phrase_key(str(phrase))
                if key:
                    phrases[key] = stage
    return phrases, max(len(key) for key in phrases)


def stage_in(text: str) -> Optional[str]:
    phrases, longest = stage_phrases()
    for _first, _after, stage in find_phrases(words(text), phrases, longest):
        return stage
    return None


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR, is_trainable=False)
class JourneyStage(GraphComponent):
    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> JourneyStage:
        stage_phrases()  # a broken file stops the server at start
        return cls()

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            named_place = any(e.get("entity") == "country" for e in message.get(ENTITIES, []))
            returning = (message.get(INTENT) or {}).get("name") == "pathways_return"
            stage = stage_in(message.get(TEXT) or "") if named_place and not returning else None
            if stage is not None:
                message.set(JOURNEY_STAGE, stage, add_to_output=True)
        return messages
