"""What the actions read from a conversation: the person's language, country and question."""
from typing import Optional

from rasa_sdk import Tracker

from actions.i18n import supported
from actions.topics import information_topics

# A topic the NLU ranked under an emergency is answered after the emergency contacts
# only when the classifier was at least this sure of it.
UNDERLYING_TOPIC_CONFIDENCE = 0.5


def language(tracker: Tracker) -> str:
    return supported(tracker.get_slot("language") or "")


def country(tracker: Tracker) -> Optional[str]:
    """The ISO code of the country named in this message, else the one remembered."""
    return named_country(tracker) or tracker.get_slot("country")


def named_country(tracker: Tracker) -> Optional[str]:
    return next(tracker.get_latest_entity_values("country"), None)


def country_not_recognised(tracker: Tracker) -> bool:
    """The message neither asked a topic nor named a country we know (a reply to "which country?")."""
    return asked_topic(tracker) is None and named_country(tracker) is None


def asked_topic(tracker: Tracker) -> Optional[str]:
    intent = tracker.get_intent_of_latest_message(skip_fallback_intent=False)
    return intent if intent in information_topics() else None


def topic_under_emergency(tracker: Tracker) -> Optional[str]:
    """The information topic a message also asked about when danger words made it an emergency."""
    ranking = tracker.latest_message.get("intent_ranking") or []
    for entry in ranking[1:2]:
        if entry.get("name") in information_topics() and entry.get("confidence", 0) >= UNDERLYING_TOPIC_CONFIDENCE:
            return entry["name"]
    return None
