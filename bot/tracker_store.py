"""Rasa's SQL tracker store, keeping less: what a person wrote is not stored, and a person
who asked to erase their data is erased.

- Stored user messages keep what the assistant understood (intent, entities, language) but
  not the words: a message may hold a name, an address or a missing relative's details,
  and nothing later in a conversation needs the words themselves. A location a messaging
  app shared is not stored either.
- When the conversation holds the ``erased`` slot set by ``action_erase`` (after the person
  confirmed), every stored event of that person is deleted and nothing of the turn is
  written: the next message starts a new conversation.

Configured in bot/endpoints.yml (``type: bot.tracker_store.PrivateSQLTrackerStore``). No
event broker is configured; the store does not stream events, so that adding one cannot
send the words elsewhere unnoticed.
"""
import json
import logging
from typing import Any, Dict

from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.constants import INTENT_NAME_KEY
from sqlalchemy import delete

logger = logging.getLogger(__name__)

ERASED_SLOT = "erased"
KEPT_METADATA = ("channel",)


def erase_requested(tracker: DialogueStateTracker) -> bool:
    return tracker.get_slot(ERASED_SLOT) is True


def without_words(data: Dict[str, Any]) -> Dict[str, Any]:
    """A stored event: a user message without its text and without a shared location."""
    if data.get("event") != "user":
        return data
    data = dict(data, text=None)
    data["metadata"] = {key: value for key, value in (data.get("metadata") or {}).items() if key in KEPT_METADATA}
    parse_data = dict(data.get("parse_data") or {}, text=None)
    parse_data["entities"] = [{key: value for key, value in entity.items() if key not in ("start", "end")}
                              for entity in parse_data.get("entities") or []]
    data["parse_data"] = parse_data
    return data


class PrivateSQLTrackerStore(SQLTrackerStore):
    async def save(self, tracker: DialogueStateTracker) -> None:
        if erase_requested(tracker):
            await self.erase(tracker.sender_id)
            return
        with self.session_scope() as session:
            for event in self._additional_events(session, tracker):
                data = without_words(event.as_dict())
                session.add(self.SQLEvent(
                    sender_id=tracker.sender_id, type_name=event.type_name, timestamp=data.get("timestamp"),
                    intent_name=(data.get("parse_data") or {}).get("intent", {}).get(INTENT_NAME_KEY),
                    action_name=data.get("name"), data=json.dumps(data)))
            session.commit()

    async def erase(self, sender_id: str) -> None:
        with self.session_scope() as session:
            session.execute(delete(self.SQLEvent).where(self.SQLEvent.sender_id == sender_id))
            session.commit()
        logger.info("A conversation was erased at the person's request.")
