"""Setting a message's intent when a rule (a keyword, a lone country name, a greeting before a
question) is surer than the classifier."""
from typing import Any, Dict, List

from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY
from rasa.shared.nlu.training_data.message import Message


def set_intent(message: Message, chosen: Dict[str, Any], rest: List[Dict[str, Any]]) -> None:
    """``chosen`` becomes the intent, first in the ranking, followed by ``rest``."""
    message.set(INTENT, chosen, add_to_output=True)
    message.set(INTENT_RANKING_KEY, [chosen] + rest, add_to_output=True)


def put_first(message: Message, name: str) -> None:
    """Makes ``name`` the intent, surely; the classifier's reading of the rest stays in order after
    it (so the question under danger words can still be answered)."""
    intent = message.get(INTENT)
    ranking = message.get(INTENT_RANKING_KEY) or ([intent] if intent else [])
    set_intent(message, {"name": name, "confidence": 1.0}, [entry for entry in ranking if entry.get("name") != name])
