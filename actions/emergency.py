"""Danger comes first: emergency numbers (and the hotline for this kind of danger) before
anything else, then the question if there was one, then "Are you safe now?"."""
from datetime import date
from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet

from actions import conversation_state as state
from actions import render
from actions.content_loader import CountryProfile
from actions.content_lookup import library
from actions.i18n import translator
from actions.menus import Menu, Option, payload
from actions.reply import WHOLE, AssistantAction, Reply
from actions.respond import EMERGENCY, topic_reply
from actions.show_menu import show


def safe_question(lang: str) -> Menu:
    _ = translator(lang)
    return Menu(_("Are you safe now?"), [Option(_("Yes"), payload("affirm")), Option(_("No"), payload("deny"))])


def ask_if_safe(reply: Reply) -> List[EventType]:
    """Closes every emergency answer: "Are you safe now? 1 Yes 2 No". On SMS the whole answer goes
    as one message, so that neither the hotline nor this question waits behind MORE."""
    show(reply, safe_question(reply.lang))
    if reply.sms:
        reply.custom(WHOLE)
    return [SlotSet("awaiting", "safe")]


def not_safe(profile: CountryProfile, country: Optional[str], lang: str) -> str:
    """The answer to "no, I am not safe": the first number again, plainly."""
    _ = translator(lang)
    if profile.emergency:
        return _("Please call {number} now. Write to me again at any time.").format(number=profile.emergency[0].number)
    return render.emergency(profile, country, lang)


class ActionEmergency(AssistantAction):
    def name(self) -> Text:
        return "action_emergency"

    def welcomes(self, tracker: Tracker) -> bool:
        return False  # nothing before the numbers

    async def respond(self, reply: Reply, tracker: Tracker, domain: Dict[Text, Any]) -> List[EventType]:
        lib = library()
        country = state.country(tracker)
        reply.say(topic_reply(lib, country, EMERGENCY, reply.lang, date.today(), danger=state.danger(tracker)))
        topic = state.topic_under_emergency(tracker)
        if topic and (lib.has_country(country) or lib.has_global_answer(topic)):
            reply.say(topic_reply(lib, country, topic, reply.lang, date.today(), reply.sms))
        events = ask_if_safe(reply) + [SlotSet("pending_group", None)]
        if country is None:
            # The person's next message may name the country: then its numbers come at once.
            events += [SlotSet("pending_topic", EMERGENCY), SlotSet("danger", state.danger(tracker))]
        return events
