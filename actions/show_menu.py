"""The numbered menus: the main menu ("menu", "0", a greeting's follow-up), a group's topics,
and the journey-stage question before a group whose topics depend on it (actions/menus.py)."""
from typing import Any, Dict, List, Text

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet

from actions import conversation_state as state
from actions.menus import Menu, group_menu, groups, main_menu, needs_stage, stage_question
from actions.reply import AssistantAction, Reply


def show(reply: Reply, menu: Menu) -> None:
    reply.say(menu.text(), buttons=menu.buttons())


class ActionMenu(AssistantAction):
    def name(self) -> Text:
        return "action_menu"

    async def respond(self, reply: Reply, tracker: Tracker, domain: Dict[Text, Any]) -> List[EventType]:
        group = state.entity(tracker, "group")
        cleared = [SlotSet("pending_topic", None), SlotSet("needs_country", False)]  # a new start
        if group not in groups():
            show(reply, main_menu(reply.lang))
            return cleared + [SlotSet("pending_group", None)]
        stage = state.stage(tracker)
        if needs_stage(group) and stage is None:
            show(reply, stage_question(reply.lang))
            return cleared + [SlotSet("pending_group", group)]
        page = int(state.entity(tracker, "page") or 1)
        show(reply, group_menu(group, reply.lang, stage, page))
        return cleared + [SlotSet("pending_group", None)]
