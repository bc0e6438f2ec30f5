"""Danger words make a message an emergency, whatever the classifier thinks.

The word lists are bot/safety/<language>.txt, one phrase per line, kept by staff, in
sections that say what kind of danger a phrase means: ``[danger]`` (the default, before any
section), ``[violence]``, ``[trafficking]``, ``[child_alone]`` and ``[self_harm]``. The kind
is added to the message as ``danger``, so that the answer can add the hotline for it. The
classifier's own reading stays second in the intent ranking, so the question under the
danger words can still be answered after the emergency contacts.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any, Dict, List, NamedTuple, Optional, Text, Tuple

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.components.intents import put_first
from actions.content_loader import HOTLINE_KINDS
from bot.components.text import find_phrases, phrase_key, words

SAFETY_DIR = Path(__file__).resolve().parent.parent / "safety"
EMERGENCY = "emergency"
DANGER = "danger"  # the kind of danger, added to the message (and seen by the actions)
# The kinds of danger: plain danger, and those with their own hotline in a country's file.
KINDS = (DANGER,) + HOTLINE_KINDS
_SECTION = re.compile(r"^\[([a-z_]+)\]$")


class Danger(NamedTuple):
    phrase: str  # as written in the list
    kind: str    # one of KINDS


def read_list(path: Path) -> Dict[Tuple[str, ...], Danger]:
    """One language's list: phrases (as folded words) and the kind of danger of their section."""
    phrases: Dict[Tuple[str, ...], Danger] = {}
    kind = KINDS[0]
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        phrase = line.split("#", 1)[0].strip()
        section = _SECTION.match(phrase)
        if section:
            kind = section.group(1)
            if kind not in KINDS:
                raise ValueError(f"{path}:{number}: unknown section [{kind}]; use one of {', '.join(KINDS)}")
        elif phrase:
            phrases[phrase_key(phrase)] = Danger(phrase, kind)
    return phrases


@lru_cache(maxsize=1)
def danger_phrases() -> Dict[Tuple[str, ...], Danger]:
    """Every phrase of every language's list, as folded words."""
    phrases: Dict[Tuple[str, ...], Danger] = {}
    for path in sorted(SAFETY_DIR.glob("*.txt")):
        phrases.update(read_list(path))
    if not phrases:
        raise RuntimeError(f"no danger phrases found in {SAFETY_DIR}; the emergency rule would never fire")
    return phrases


@lru_cache(maxsize=1)
def _longest_phrase() -> int:
    return max(len(key) for key in danger_phrases())


def danger_in(text: str) -> Optional[Danger]:
    """The first danger phrase in ``text``; a more specific kind wins over plain danger."""
    found = [danger for _first, _after, danger in find_phrases(words(text), danger_phrases(), _longest_phrase())]
    specific = [danger for danger in found if danger.kind != KINDS[0]]
    return (specific or found or [None])[0]


def danger_phrase_in(text: str) -> Optional[str]:
    found = danger_in(text)
    return found.phrase if found else None


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class EmergencyKeywords(GraphComponent):
    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> EmergencyKeywords:
        danger_phrases()  # a missing or empty list stops the server at start, not in a crisis
        return cls()

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            found = danger_in(message.get(TEXT) or "")
            if found is None:
                continue
            put_first(message, EMERGENCY)
            message.set(DANGER, found.kind, add_to_output=True)
        return messages
