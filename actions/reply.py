"""One turn's reply in the person's language: what every action shares.

An action subclasses ``AssistantAction`` and writes ``respond``; the base decides the
language of the reply (conversation_state.language_turn), puts the welcome before the first
reply of a conversation, adds the one-line hint on how to change language when the
language is new in this conversation, marks right-to-left text for the channel and records
the language in the conversation.
"""
from abc import ABCMeta, abstractmethod
from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import bidi
from actions import conversation_state as state
from actions.i18n import is_right_to_left, translator


def change_language_hint(lang: str, romanised: bool) -> str:
    _ = translator(lang)
    # TRANSLATORS: the word for "language" that a person writes to open the language menu; it must be
    # one of the menu_words of bot/language/names.yml (e.g. لغة, زبان, ভাষা, langue, idioma, luqad).
    keyword = _("LANGUAGE")
    if romanised:
        # TRANSLATORS: keep ENGLISH in Latin letters: the person writes it to switch to English.
        return _("Write ENGLISH to read in English, or {keyword} for other languages.").format(keyword=keyword)
    return _("To change the language, write {keyword}.").format(keyword=keyword)


OWN_SMS = {"first_message_alone": True}  # the custom message that tells the SMS channel so
WHOLE = {"whole": True}  # the SMS channel sends this reply whole, never cut to wait for MORE


def welcome(lang: str) -> str:
    """First contact: what the assistant is and is not, what it keeps and how to erase it."""
    _ = translator(lang)
    return "\n".join([
        _("Hello! I give checked information on safe migration and where to find help."),
        _("I am not a lawyer or a government office."),
        # TRANSLATORS: DELETE MY DATA is what the person writes to erase everything; use the words people
        # would write in your language (the assistant understands them as a request to erase).
        _("I keep only your language, country and topics. To erase them, write DELETE MY DATA."),
    ])


class Reply:
    def __init__(self, lang: str, sms: bool = False):
        self.lang = lang
        self.sms = sms  # the person reads this by SMS: every character costs
        self.messages: List[Dict[str, Any]] = []
        self.custom_messages: List[Dict[str, Any]] = []  # for the channel, not shown to the person

    def say(self, text: str, buttons: List[Dict[str, str]] = None) -> None:
        self.messages.append({"text": text, "buttons": buttons or []})

    def custom(self, data: Dict[str, Any]) -> None:
        self.custom_messages.append(data)

    def add_line(self, text: str) -> None:
        """A line at the end of the last message (or a message of its own if there is none)."""
        if self.messages:
            self.messages[-1]["text"] += "\n" + text
        else:
            self.say(text)


class AssistantAction(Action, metaclass=ABCMeta):
    """Abstract, so that the action server does not register it as an action of its own."""

    @abstractmethod
    async def respond(self, reply: Reply, tracker: Tracker, domain: Dict[Text, Any]) -> List[EventType]:
        """Says what the action has to say in ``reply.lang``; returns the events to record."""

    def announces_language(self, tracker: Tracker) -> bool:
        """Whether to add the change-language hint when the language is new (not when choosing one)."""
        return True

    def welcomes(self, tracker: Tracker) -> bool:
        """Whether this action may open a conversation with the welcome (not before emergency numbers)."""
        return True

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[Text, Any]) -> List[EventType]:
        turn = state.language_turn(tracker)
        sms = state.on_sms(tracker)
        reply = Reply(turn.code, sms)
        events = await self.respond(reply, tracker, domain)
        if not tracker.get_slot("welcomed") and reply.messages and self.welcomes(tracker):
            reply.messages.insert(0, {"text": welcome(reply.lang), "buttons": []})
            if sms:
                reply.custom(OWN_SMS)  # the welcome is an SMS of its own, so that the reply is not cut for it
            events = events + [SlotSet("welcomed", True)]
        language_events = [e for e in events if e.get("name") == "language"]
        if turn.changed and not language_events and reply.messages:
            # Recorded with the first words said in it; an action that says nothing leaves the
            # hint to the next one, so that it closes the reply instead of preceding it.
            if self.announces_language(tracker):
                reply.add_line(change_language_hint(turn.code, turn.romanised))
            events = events + [SlotSet("language", turn.code)]
        if tracker.get_slot("language_menu") and not any(e.get("name") == "language_menu" for e in events):
            events = events + [SlotSet("language_menu", False)]  # a number now means something else
        said = state.said_stage(tracker)
        if said and said != tracker.get_slot("stage"):
            events = events + [SlotSet("stage", said)]  # remembered: the menus put its topics first
        if tracker.get_slot("awaiting") and not any(e.get("name") == "awaiting" for e in events):
            events = events + [SlotSet("awaiting", None)]  # a yes or no now answers nothing asked
        right_to_left = is_right_to_left(language_events[-1]["value"] if language_events else turn.code)
        for message in reply.messages:
            dispatcher.utter_message(text=bidi.for_channel(message["text"], right_to_left, sms),
                                     buttons=message["buttons"] or None)
        for data in reply.custom_messages:
            dispatcher.utter_message(json_message=data)
        return events
