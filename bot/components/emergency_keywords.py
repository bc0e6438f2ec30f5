"""Danger words make a message an emergency, whatever the classifier thinks.

The word lists are bot/safety/<language>.txt, one phrase per line, kept by staff. The
classifier's own reading stays second in the intent ranking, so the question under the
danger words can still be answered after the emergency contacts.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any, Dict, List, Optional, Text, Tuple

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.components.intents import put_first
from bot.components.text import find_phrases, phrase_key, words

SAFETY_DIR = Path(__file__).resolve().parent.parent / "safety"
EMERGENCY = "emergency"


@lru_cache(maxsize=1)
def danger_phrases() -> Dict[Tuple[str, ...], str]:
    """Every phrase of every language's list, as folded words, mapped to the phrase as written."""
    phrases: Dict[Tuple[str, ...], str] = {}
    for path in sorted(SAFETY_DIR.glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            phrase = line.split("#", 1)[0].strip()
            if phrase:
                phrases[phrase_key(phrase)] = phrase
    if not phrases:
        raise RuntimeError(f"no danger phrases found in {SAFETY_DIR}; the emergency rule would never fire")
    return phrases


@lru_cache(maxsize=1)
def _longest_phrase() -> int:
    return max(len(key) for key in danger_phrases())


def danger_phrase_in(text: str) -> Optional[str]:
    for _first, _after, phrase in find_phrases(words(text), danger_phrases(), _longest_phrase()):
        return phrase
    return None


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class EmergencyKeywords(GraphComponent):
    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> EmergencyKeywords:
        danger_phrases()  # a missing or empty list stops the server at start, not in a crisis
        return cls()

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            if danger_phrase_in(message.get(TEXT) or ""):
                intent, ranking = put_first(EMERGENCY, message.get(INTENT), message.get(INTENT_RANKING_KEY))
                message.set(INTENT, intent, add_to_output=True)
                message.set(INTENT_RANKING_KEY, ranking, add_to_output=True)
        return messages
