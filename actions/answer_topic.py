"""Answers any information topic from the content files, asking for the country when the answer needs it."""
from datetime import date
from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import conversation_state as state
from actions.content_lookup import library
from actions.ask_country import not_recognised
from actions.i18n import country_name, translator
from actions.respond import topic_reply


class ActionAnswerTopic(Action):
    def name(self) -> Text:
        return "action_answer_topic"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[Text, Any]) -> List[EventType]:
        lang = state.language(tracker)
        _ = translator(lang)
        lib = library()
        country = state.country(tracker)
        topic = state.asked_topic(tracker) or tracker.get_slot("pending_topic")

        if state.country_not_recognised(tracker):
            if topic is not None:
                return [SlotSet("needs_country", True)]  # asked again, with a hint, by action_ask_country
            dispatcher.utter_message(text=not_recognised(lang, lib))
            return []
        if topic is None:
            dispatcher.utter_message(text=_("OK: {country}. What would you like to know?")
                                     .format(country=country_name(country, lang)))
            return [SlotSet("needs_country", False)]
        if country is None and not lib.has_global_answer(topic):
            return [SlotSet("pending_topic", topic), SlotSet("needs_country", True)]

        dispatcher.utter_message(text=topic_reply(lib, country, topic, lang, date.today()))
        return [SlotSet("pending_topic", None), SlotSet("needs_country", False)]
