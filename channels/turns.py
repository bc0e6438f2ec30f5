"""What the messaging channels share: turns answered in the background, in order per person,
once per message id, and one turn of the assistant (the person's message in, texts and
buttons out), worked out away from the event loop that answers the webhooks."""
import asyncio
import gc
import logging
import os
import threading
from pathlib import Path
from typing import Any, Awaitable, Callable, Dict, List, NamedTuple, Optional, Set, Text, Tuple

from rasa.core.channels.channel import CollectingOutputChannel, InputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from actions.i18n import DEFAULT_LANGUAGE, translator
from bot.components.language_choice import menu_number
from channels.people import Pace, PersonLocks, SeenMessages, Waiting

logger = logging.getLogger(__name__)


def reply_language(texts: List[str]) -> str:
    """The language the assistant answered in, for the channel's own words (MORE, STOP...)."""
    from bot.components.language_id import identify

    return identify(" ".join(texts)).language or DEFAULT_LANGUAGE


class Turn(NamedTuple):
    texts: List[str]
    buttons: List[Dict[str, Any]]
    erased: bool  # the person had everything erased: the channel forgets them too
    first_alone: bool = False  # the first text (the welcome) goes as a message of its own
    whole: bool = False  # danger: sent whole, never cut to wait for MORE


class TurnLoop:
    """The event loop, in a thread of its own, where the assistant works out its turns.

    Understanding a message and choosing the next action is CPU work that Rasa does without
    giving the event loop back (tens to hundreds of milliseconds on a busy server). Done on
    the loop that receives the webhooks, it would hold every other person's webhook until
    it ends; here it only shares the interpreter with it."""

    _loop: Optional[asyncio.AbstractEventLoop] = None
    _guard = threading.Lock()

    @classmethod
    def loop(cls) -> asyncio.AbstractEventLoop:
        with cls._guard:
            if cls._loop is None:
                loop = asyncio.new_event_loop()
                threading.Thread(target=loop.run_forever, name="assistant-turns", daemon=True).start()
                cls._loop = loop
            return cls._loop

    @classmethod
    async def run(cls, work: Awaitable[Any]) -> Any:
        return await asyncio.wrap_future(asyncio.run_coroutine_threadsafe(work, cls.loop()))


async def settle_loaded_objects(*_: Any) -> None:
    """Once the model is loaded: moves the millions of objects that live as long as the server
    (the model, Rasa, TensorFlow) out of the garbage collector's sight. Its full collections
    would otherwise walk them all, holding every thread for half a second at random moments
    (measured on 2 cores), webhooks included."""
    if gc.get_freeze_count() == 0:  # once, for all the channels
        gc.collect()
        gc.freeze()


_RUNNING: Set["asyncio.Task[Any]"] = set()


def in_background(work: Awaitable[Any]) -> "asyncio.Task[Any]":
    """Runs ``work`` to its end even when whoever started it stops waiting for it (the event
    loop itself keeps only a weak reference to a task)."""
    task = asyncio.get_running_loop().create_task(work)
    _RUNNING.add(task)
    task.add_done_callback(_RUNNING.discard)
    return task


def off_the_loop(on_new_message: Callable[[UserMessage], Awaitable[Any]],
                 known_language: Optional[str] = None) -> Callable[[UserMessage], Awaitable[Any]]:
    """``on_new_message`` with the turn worked out on the TurnLoop, and never silence: a turn
    that failed or said nothing (the action server down, an action that broke) gets
    ``not_answered`` (in ``known_language``, the person's last, if known)."""

    async def handle(message: UserMessage) -> None:
        try:
            await TurnLoop.run(on_new_message(message))
        except Exception:  # logged without the message or the sender
            logger.exception("A turn on the %s channel failed; the person is told to write again.",
                             message.input_channel)
        channel = message.output_channel
        if not getattr(channel, "messages", None):
            # off the loop: the first call reads the content files
            lines, danger = await asyncio.to_thread(not_answered, message.text or "", known_language)
            for line in lines:
                await channel.send_text_message(message.sender_id, line)
            if danger:
                await channel.send_custom_json(message.sender_id, {"whole": True})
            logger.warning("The assistant had no answer to a message on the %s channel.", message.input_channel)

    return handle


def not_answered(text: str, known_language: Optional[str] = None) -> Tuple[List[str], bool]:
    """What a person gets when the assistant could not work out an answer, in the language the
    assistant last answered them in (else their message's, if clear, else English): after
    danger words, first the emergency advice of the content files (no country is known
    here); then that they should write again. Whether there was danger."""
    from actions.content_lookup import library
    from actions.render import in_language
    from bot.components.emergency_keywords import danger_in
    from bot.components.language_id import identify

    found = identify(text)
    lang = known_language or (found.language if found.confident else None) or DEFAULT_LANGUAGE
    _ = translator(lang)
    lines = []
    danger = danger_in(text) is not None
    if danger:
        lines.append(in_language(library().profile(None).emergency_advice, lang))
    lines.append(_("Sorry, I cannot answer right now. Please write again in a few minutes."))
    return lines, danger


async def take_turn(on_new_message: Callable[[UserMessage], Awaitable[Any]], text: str, person: str,
                    channel: str, metadata: Dict[str, Any], known_language: Optional[str] = None) -> Turn:
    collector = CollectingOutputChannel()
    message = UserMessage(text, collector, person, input_channel=channel, metadata=metadata)
    await off_the_loop(on_new_message, known_language)(message)
    texts = [m["text"] for m in collector.messages if m.get("text")]
    buttons = [button for m in collector.messages for button in (m.get("buttons") or [])]
    custom = [m.get("custom") or {} for m in collector.messages]
    erased = any(c.get("erased") for c in custom)
    first_alone = any(c.get("first_message_alone") for c in custom) and len(texts) > 1
    whole = any(c.get("whole") for c in custom)
    return Turn(texts, buttons, erased, first_alone, whole)


def choice_of(buttons_payloads: List[str], text: str) -> Optional[str]:
    """The payload of the option a person chose by writing its number ("2", "2."), if any."""
    number = menu_number(text)
    return buttons_payloads[number - 1] if number is not None and 1 <= number <= len(buttons_payloads) else None


class BackgroundChannel(InputChannel):
    """A webhook that answers at once and handles the message in the background."""

    configured = False

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[Text, Any]]) -> InputChannel:
        return cls(os.environ)  # settings and secrets come from the environment only

    def __init__(self, environment) -> None:
        self.secret = environment.get("PSEUDONYM_SECRET", "")
        self.state_db = Path(environment.get("CHANNEL_STATE_DB", "var/channels.db"))
        self.seen = SeenMessages(self.state_db)
        self.locks = PersonLocks()
        self.waiting = Waiting(self.state_db)  # per person: the options last offered, the rest of a long answer
        self.pace = Pace(int(environment.get("MESSAGES_PER_MINUTE", "15")),
                         int(environment.get("MESSAGES_PER_DAY", "200")))

    def new_blueprint(self) -> Blueprint:
        webhook = Blueprint(f"{self.name()}_webhook", __name__)

        @webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok" if self.configured else "not configured"})

        webhook.listener("after_server_start")(settle_loaded_objects)
        return webhook

    def too_fast(self, person: str, text: str, lang: Optional[str]) -> Tuple[bool, List[str]]:
        """Whether this message of ``person`` is past their pace (see Pace; danger words never
        are), and what to tell them, at most once a day: in ``lang``, else the message's."""
        from bot.components.emergency_keywords import danger_phrase_in

        limit, tell = self.pace.over(person)
        if limit is None or danger_phrase_in(text) is not None:
            return False, []
        logger.warning("A %s message past the pace of a %s was not answered.", self.name(), limit)
        if not tell:
            return True, []
        _ = translator(lang or reply_language([text]))
        if limit == Pace.MINUTE:
            return True, [_("You are writing very fast. Wait a minute, then write again.")]
        return True, [_("You have sent very many messages today. Write again tomorrow.")]

    def remember_options(self, person: str, turn: Turn) -> None:
        """The options this turn offered (a number or a tapped title chooses one next time); all
        forgotten when the person had their data erased."""
        if turn.erased:
            self.waiting.forget(person)
        else:
            self.waiting.keep_choices(person, [str(b.get("payload", "")) for b in turn.buttons],
                                      [str(b.get("title", "")) for b in turn.buttons])

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

        in_background(in_order())
