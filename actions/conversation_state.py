"""What the actions read from a conversation: the person's language, country and question."""
from dataclasses import dataclass
from typing import FrozenSet, List, Optional, Tuple

from rasa_sdk import Tracker

from actions.i18n import DEFAULT_LANGUAGE, LANGUAGES
from actions.topics import information_topics

DETECTED_LANGUAGE = "detected_language"  # added to every message by bot.components.language_detector
SMS_CHANNELS = frozenset({"twilio_sms"})  # channels/twilio_sms.py for SMS (WhatsApp is "twilio_whatsapp")

# A topic the NLU ranked under an emergency is answered after the emergency contacts
# only when the classifier was at least this sure of it.
UNDERLYING_TOPIC_CONFIDENCE = 0.5


@dataclass(frozen=True)
class LanguageTurn:
    """The language of this turn's reply, and whether it differs from the conversation's so far."""
    code: str
    changed: bool
    romanised: bool = False


def language_turn(tracker: Tracker) -> LanguageTurn:
    """A language the person chose is kept. Otherwise a confident detection sets or changes it; a
    short or ambiguous message ("ok", "1", "salam") keeps the language in use, and only picks one
    when none is in use yet."""
    current = tracker.get_slot("language")
    current = current if current in LANGUAGES else None
    detected = tracker.latest_message.get(DETECTED_LANGUAGE) or {}
    code = detected.get("code") if detected.get("code") in LANGUAGES else None
    if current and (tracker.get_slot("language_chosen") or not (code and detected.get("confident"))):
        return LanguageTurn(current, False)
    if code:
        return LanguageTurn(code, code != current, bool(detected.get("romanised")))
    return LanguageTurn(current or DEFAULT_LANGUAGE, current is None)


def language_unknown(tracker: Tracker) -> bool:
    """No language in use yet, and the message does not tell which ("سلام" is Arabic, Dari,
    Pashto and Urdu alike); a message in Latin letters is read in English until it tells."""
    if tracker.get_slot("language") in LANGUAGES:
        return False
    detected = tracker.latest_message.get(DETECTED_LANGUAGE) or {}
    text = tracker.latest_message.get("text") or ""
    letters = [ch for ch in text if ch.isalpha()]
    return detected.get("code") not in LANGUAGES and bool(letters) and not any(ch.isascii() for ch in letters)


def chosen_language(tracker: Tracker) -> Optional[str]:
    """The language the person asked for by name ("english", "عربي") or by its number in the menu."""
    named = next(tracker.get_latest_entity_values("language"), None)
    if named in LANGUAGES:
        return named
    number = next(tracker.get_latest_entity_values("number"), None)
    if tracker.get_slot("language_menu") and number is not None and 1 <= int(number) <= len(LANGUAGES):
        return LANGUAGES[int(number) - 1]
    return None


def on_sms(tracker: Tracker) -> bool:
    return (tracker.get_latest_input_channel() or "") in SMS_CHANNELS


def country(tracker: Tracker) -> Optional[str]:
    """The ISO code of the country named in this message, else the one remembered."""
    return named_country(tracker) or tracker.get_slot("country")


def country_before(tracker: Tracker) -> Optional[str]:
    """The country remembered before this message (by the time an action runs, Rasa has set the
    slot to the last country the message names)."""
    events = tracker.events
    this_message = max((index for index, event in enumerate(events) if event.get("event") == "user"),
                       default=len(events))
    remembered = None
    for event in events[:this_message]:
        if event.get("event") == "slot" and event.get("name") == "country":
            remembered = event.get("value")
    return remembered


def named_country(tracker: Tracker) -> Optional[str]:
    return next(tracker.get_latest_entity_values("country"), None)


def named_countries(tracker: Tracker) -> List[str]:
    """Every country this message names, in order ("from Pakistan to Italy": PK, IT)."""
    return list(dict.fromkeys(tracker.get_latest_entity_values("country")))


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


@dataclass(frozen=True)
class Place:
    """Where the person is or asks about: a city they named, or a location their app shared."""
    label: Optional[str]               # the city's name; None for a shared location
    coordinates: Tuple[float, float]
    country: Optional[str]


def shared_location(tracker: Tracker) -> Optional[Tuple[float, float]]:
    """The location a messaging app shared with this message (put in its metadata by the channel)."""
    shared = (tracker.latest_message.get("metadata") or {}).get("location") or {}
    try:
        return float(shared["latitude"]), float(shared["longitude"])
    except (KeyError, TypeError, ValueError):
        return None


def place(tracker: Tracker, countries: FrozenSet[str]) -> Optional[Place]:
    from actions.places import find_city

    location = shared_location(tracker)
    if location is not None:
        return Place(None, location, None)
    city = find_city(tracker.latest_message.get("text") or "", countries)
    return Place(city.name, city.coordinates, city.country) if city else None


def entity(tracker: Tracker, name: str) -> Optional[str]:
    """The value of an entity of this message (from the NLU or a button's payload)."""
    value = next(tracker.get_latest_entity_values(name), None)
    return None if value is None else str(value)


def said_stage(tracker: Tracker) -> Optional[str]:
    """The stage of the journey this message gave: a menu button, or words (bot.components.journey_stage)."""
    return entity(tracker, "stage") or tracker.latest_message.get("journey_stage")


def stage(tracker: Tracker) -> Optional[str]:
    """Where the person is in the journey: said in this message, else remembered."""
    return said_stage(tracker) or tracker.get_slot("stage")


def danger(tracker: Tracker) -> Optional[str]:
    """The kind of danger the message's danger words mean (bot.components.emergency_keywords)."""
    return tracker.latest_message.get("danger")


def awaiting(tracker: Tracker) -> Optional[str]:
    """The question the assistant asked last that a yes, a no or a place answers."""
    return tracker.get_slot("awaiting")


def intent(tracker: Tracker) -> Optional[str]:
    return tracker.get_intent_of_latest_message(skip_fallback_intent=False)
