"""What the messaging channels share: turns answered in the background, in order per person,
once per message id, and one turn of the assistant (the person's message in, texts and
buttons out)."""
import asyncio
import logging
import os
from typing import Any, Awaitable, Callable, Dict, List, Optional, Set, Text, Tuple

from rasa.core.channels.channel import CollectingOutputChannel, InputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from actions.i18n import DEFAULT_LANGUAGE
from channels.people import PersonLocks, SeenMessages

logger = logging.getLogger(__name__)


def reply_language(texts: List[str]) -> str:
    """The language the assistant answered in, for the channel's own words (MORE, STOP...)."""
    from bot.components.language_id import identify

    return identify(" ".join(texts)).language or DEFAULT_LANGUAGE


async def take_turn(on_new_message: Callable[[UserMessage], Awaitable[Any]], text: str, person: str,
                    channel: str, metadata: Dict[str, Any]) -> Tuple[List[str], List[Dict[str, Any]]]:
    collector = CollectingOutputChannel()
    await on_new_message(UserMessage(text, collector, person, input_channel=channel, metadata=metadata))
    texts = [m["text"] for m in collector.messages if m.get("text")]
    buttons = [button for m in collector.messages for button in (m.get("buttons") or [])]
    return texts, buttons


class BackgroundChannel(InputChannel):
    """A webhook that answers at once and handles the message in the background."""

    configured = False

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[Text, Any]]) -> InputChannel:
        return cls(os.environ)  # settings and secrets come from the environment only

    def __init__(self, environment) -> None:
        self.secret = environment.get("PSEUDONYM_SECRET", "")
        self.seen = SeenMessages()
        self.locks = PersonLocks()
        self._tasks: Set[asyncio.Task] = set()

    def new_blueprint(self) -> Blueprint:
        webhook = Blueprint(f"{self.name()}_webhook", __name__)

        @webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok" if self.configured else "not configured"})

        return webhook

    def accept(self, message_id: str, person: str, turn: Callable[[], Awaitable[None]]) -> None:
        """Runs ``turn`` in the background after the person's earlier turns; a message id seen
        before is not handled again (webhooks are delivered again when the answer was slow)."""
        if not self.seen.first_time(message_id):
            return

        async def in_order() -> None:
            async with self.locks.lock(person):
                try:
                    await turn()
                except Exception:
                    logger.exception("A %s turn failed; the person got no reply to this message.", self.name())

        task = asyncio.get_running_loop().create_task(in_order())
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
