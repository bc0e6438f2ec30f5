"""A mobile-first chat page served by the assistant itself (see channels/webchat/index.html).

    GET  /webhooks/webchat/chat      the page: one HTML file, no build step, no external assets
    POST /webhooks/webchat/webhook   {"sender": ..., "message": ...} -> the replies (as the REST channel)

Each message on the page takes the direction of its own text; the page turns right-to-left
when the assistant answers in Arabic, Dari, Pashto or Urdu.
"""
from pathlib import Path
from typing import Any, Awaitable, Callable, Text

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.rest import RestInput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

PAGE = Path(__file__).resolve().parent / "index.html"


class WebChatInput(RestInput):
    @classmethod
    def name(cls) -> Text:
        return "webchat"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        chat = super().blueprint(on_new_message)
        page = PAGE.read_bytes()

        @chat.route("/chat", methods=["GET"])
        async def show(_: Request) -> HTTPResponse:
            return response.raw(page, content_type="text/html; charset=utf-8",
                                headers={"Cache-Control": "no-cache", "X-Content-Type-Options": "nosniff",
                                         "Content-Security-Policy": "default-src 'self'; style-src 'unsafe-inline'; "
                                                                    "script-src 'unsafe-inline'"})

        return chat
