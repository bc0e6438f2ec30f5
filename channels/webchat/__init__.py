"""A mobile-first chat page served by the assistant itself (see channels/webchat/index.html).

    GET  /webhooks/webchat/chat      the page: one HTML file, no build step, no external assets
    POST /webhooks/webchat/webhook   {"sender": ..., "message": ...} -> the replies (as Rasa's REST channel)

The page's own words come in the browser's language when the assistant speaks it. Each
message takes the direction of its own text; the page turns right-to-left when the
assistant answers in Arabic, Dari, Pashto or Urdu.
"""
import asyncio
import json
from html import escape
from pathlib import Path
from string import Template
from typing import Any, Awaitable, Callable, Dict, Text

from babel import negotiate_locale

from rasa.core.channels.channel import CollectingOutputChannel, InputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from actions.i18n import DEFAULT_LANGUAGE, LANGUAGES, is_right_to_left, translator
from channels.turns import in_background, off_the_loop

PAGE = Path(__file__).resolve().parent / "index.html"
MAX_SENDER = 100  # the page makes "web-" and 20 or so letters
MAX_MESSAGE = 4096  # as much as a Telegram message; the rest of a longer one is not read


def page_words(lang: str) -> Dict[str, str]:
    """The page's own words in ``lang`` (from the catalogues, like everything the assistant says)."""
    _ = translator(lang)
    words = {"title": _("Safe migration information"), "language": _("Language"), "conversation": _("Conversation"),
             "your_message": _("Your message"), "placeholder": _("Write your question"), "send": _("Send"),
             "error": _("The message could not be sent. Check your connection and try again.")}
    return {**{key: escape(value, quote=True) for key, value in words.items()},
            "lang": lang, "dir": "rtl" if is_right_to_left(lang) else "ltr"}


def browser_language(accept_language: str) -> str:
    """The first of the browser's languages that the assistant speaks (Accept-Language)."""
    wanted = [part.split(";")[0].strip().replace("-", "_") for part in accept_language.split(",") if part.strip()]
    return negotiate_locale(wanted, list(LANGUAGES), sep="_") or DEFAULT_LANGUAGE


class WebChatInput(InputChannel):
    @classmethod
    def name(cls) -> Text:
        return "webchat"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        chat = Blueprint("webchat_webhook", __name__)
        handle = off_the_loop(on_new_message)  # a slow turn holds no other page's request
        page = Template(PAGE.read_text(encoding="utf-8"))

        @chat.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @chat.route("/chat", methods=["GET"])
        async def show(request: Request) -> HTTPResponse:
            lang = browser_language(request.headers.get("Accept-Language", ""))
            return response.raw(page.substitute(page_words(lang)).encode("utf-8"),
                                content_type="text/html; charset=utf-8",
                                headers={"Cache-Control": "no-cache", "Content-Language": lang, "Vary": "Accept-Language", "X-Content-Type-Options": "nosniff",
                                         "Content-Security-Policy": "default-src 'self'; style-src 'unsafe-inline'; "
                                                                    "script-src 'unsafe-inline'"})

        @chat.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            try:
                sent = json.loads(request.body or b"{}")
            except ValueError:
                sent = None
            sender, text = (sent.get("sender"), sent.get("message")) if isinstance(sent, dict) else (None, None)
            if not isinstance(sender, str) or not 0 < len(sender) <= MAX_SENDER or not isinstance(text, str):
                return response.json({"error": 'send JSON: {"sender": "<your chat id>", "message": "<text>"}'},
                                     status=400)
            collector = CollectingOutputChannel()
            turn = in_background(handle(UserMessage(text[:MAX_MESSAGE], collector, sender, input_channel=self.name())))
            # A page closed in the middle of a turn lets the turn end (and logs nothing of it).
            await asyncio.shield(turn)
            return response.json(collector.messages)

        return chat
