"""Erasing a person: "delete my data" asks for a confirmation; a yes erases the whole
conversation and what the channels keep about the person, and says so.

The erasing itself happens where the data is: the ``erased`` slot makes the tracker store
delete every stored event of the person (bot/tracker_store.py), and the ``erased`` custom
message tells the channel to forget its per-person state (channels/turns.py). The
anonymous counts (actions/statistics.py) hold nothing of the person and stay.
"""
from typing import Any, Dict, List, Text

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet

from actions.i18n import translator
from actions.menus import Menu, Option, payload
from actions.reply import AssistantAction, Reply
from actions.show_menu import show

ERASED = {"erased": True}  # the custom message the channels act on


def confirmation(lang: str) -> Menu:
    _ = translator(lang)
    return Menu(_("This erases our conversation and everything I keep about you. Erase it?"),
                [Option(_("Yes, erase"), payload("affirm")), Option(_("No"), payload("deny"))])


def erase_now(reply: Reply) -> List[EventType]:
    _ = translator(reply.lang)
    reply.say(_("Done: everything I kept about you is erased. You can write again at any time."))
    reply.custom(ERASED)
    return [SlotSet("erased", True)]


class ActionErase(AssistantAction):
    def name(self) -> Text:
        return "action_erase"

    def welcomes(self, tracker: Tracker) -> bool:
        return False

    async def respond(self, reply: Reply, tracker: Tracker, domain: Dict[Text, Any]) -> List[EventType]:
        show(reply, confirmation(reply.lang))
        return [SlotSet("awaiting", "erase")]
