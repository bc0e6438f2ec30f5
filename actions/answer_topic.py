"""Answers any information topic from the content files, asking for the country when the answer needs it."""
from datetime import date
from typing import Any, Dict, List, Text

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet

from actions import conversation_state as state
from actions.ask_country import not_recognised
from actions.content_lookup import library
from actions.i18n import country_name, translator
from actions.reply import AssistantAction, Reply
from actions.respond import nearby_reply, topic_reply


class ActionAnswerTopic(AssistantAction):
    def name(self) -> Text:
        return "action_answer_topic"

    async def respond(self, reply: Reply, tracker: Tracker, domain: Dict[Text, Any]) -> List[EventType]:
        _ = translator(reply.lang)
        lib = library()
        country = state.country(tracker)
        topic = state.asked_topic(tracker) or tracker.get_slot("pending_topic")
        if state.shared_location(tracker) and str(tracker.get_slot("last_topic") or "").startswith("services_"):
            topic = tracker.get_slot("last_topic")  # the location answers the last "where is..." question

        if state.country_not_recognised(tracker):
            if topic is not None:
                return [SlotSet("needs_country", True)]  # asked again, with a hint, by action_ask_country
            reply.say(not_recognised(reply.lang, lib))
            return []
        if topic is None:
            reply.say(_("OK: {country}. What would you like to know?").format(country=country_name(country, reply.lang)))
            return [SlotSet("needs_country", False)]
        # "legal aid in lahore" or a shared location: the nearest service points.
        where = state.place(tracker, lib.countries_with_points()) if topic.startswith("services_") else None
        if where is None and country is None and not lib.has_global_answer(topic):
            return [SlotSet("pending_topic", topic), SlotSet("needs_country", True)]

        if where is not None:
            reply.say(nearby_reply(lib, where, topic, reply.lang))
        else:
            reply.say(topic_reply(lib, country, topic, reply.lang, date.today(), reply.sms))
        answered = [SlotSet("pending_topic", None), SlotSet("needs_country", False), SlotSet("last_topic", topic)]
        return answered + ([SlotSet("country", where.country)] if where and where.country else [])
