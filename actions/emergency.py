"""Danger comes first: emergency numbers before anything else, then the question if there was one."""
from datetime import date
from typing import Any, Dict, List, Text

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet

from actions import conversation_state as state
from actions import render
from actions.content_lookup import library
from actions.reply import AssistantAction, Reply
from actions.respond import EMERGENCY, topic_reply


class ActionEmergency(AssistantAction):
    def name(self) -> Text:
        return "action_emergency"

    async def respond(self, reply: Reply, tracker: Tracker, domain: Dict[Text, Any]) -> List[EventType]:
        lib = library()
        country = state.country(tracker)
        reply.say(render.emergency(lib.profile(country), country, reply.lang))
        topic = state.topic_under_emergency(tracker)
        if topic and (lib.has_country(country) or lib.has_global_answer(topic)):
            reply.say(topic_reply(lib, country, topic, reply.lang, date.today(), reply.sms))
        if country is None:
            # The person's next message may name the country: then its numbers come at once.
            return [SlotSet("pending_topic", EMERGENCY)]
        return []
