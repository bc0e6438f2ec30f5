"""The topic vocabulary (bot/topics.yml): intents, content sections and statistics share these ids."""
from functools import lru_cache
from typing import Dict, FrozenSet, Tuple

import yaml

from actions.paths import TOPICS_FILE


@lru_cache(maxsize=None)
def _vocabulary() -> Dict:
    with open(TOPICS_FILE, encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def information_topics() -> Tuple[str, ...]:
    """Topics that have an answer in the content files, in the order of topics.yml."""
    return tuple(_vocabulary()["information_topics"])


def topic_group(topic: str) -> str:
    return _vocabulary()["information_topics"][topic]["group"]


def safety_topics() -> Tuple[str, ...]:
    return tuple(_vocabulary()["safety_topics"])


def conversation_intents() -> Tuple[str, ...]:
    return tuple(_vocabulary()["conversation_intents"])


def all_intents() -> FrozenSet[str]:
    return frozenset(information_topics() + safety_topics() + conversation_intents())
