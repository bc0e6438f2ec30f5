"""A Telegram bot as an input channel of the Rasa server.

    POST /webhooks/telegram/webhook

Rasa's own Telegram channel does not check the webhook's secret token and sends replies from
inside the webhook request; this one does neither. Settings come from the environment:
TELEGRAM_TOKEN (the bot's token), TELEGRAM_SECRET (the secret_token given to setWebhook;
Telegram sends it back in X-Telegram-Bot-Api-Secret-Token), PSEUDONYM_SECRET, and optionally
TELEGRAM_API_BASE (tests point it at a loopback server).

The update is acknowledged at once and handled in the background, one chat's messages in
order, an update_id seen before not again. Menus become reply keyboards, with a button to
share one's location; a shared location finds the nearest service points. The chat id is
turned into a keyed pseudonym and goes no further than the sending of the reply.
"""
import hmac
import logging
from typing import Any, Awaitable, Callable, Dict, List, Optional, Text

import aiohttp
from rasa.core.channels.channel import UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from actions.i18n import translator
from channels import http_retry
from channels.people import pseudonym
from channels.turns import BackgroundChannel, choice_of, reply_language, take_turn

logger = logging.getLogger(__name__)
MAX_TEXT = 4096  # Telegram's limit for one message


class TelegramInput(BackgroundChannel):
    @classmethod
    def name(cls) -> Text:
        return "telegram"

    def __init__(self, environment) -> None:
        super().__init__(environment)
        get = environment.get
        self.token = get("TELEGRAM_TOKEN", "")
        self.secret_token = get("TELEGRAM_SECRET", "")
        self.api = f"{get('TELEGRAM_API_BASE', 'https://api.telegram.org').rstrip('/')}/bot{self.token}"
        self.configured = all((self.token, self.secret_token, self.secret))
        self._session: Optional[aiohttp.ClientSession] = None

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        webhook = self.new_blueprint()

        @webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            if not self.configured:
                return response.text("Telegram is not configured on this server", status=503)
            given = request.headers.get("X-Telegram-Bot-Api-Secret-Token", "")
            if not hmac.compare_digest(given.encode(), self.secret_token.encode()):
                logger.warning("Refused a Telegram webhook without the right secret token.")
                return response.text("forbidden", status=403)
            update = request.json if isinstance(request.json, dict) else {}
            message = update.get("message") or {}
            chat = (message.get("chat") or {}).get("id")
            if chat is None or "update_id" not in update:
                return response.json({"ok": True})  # an update we do not handle (edits, joins...)
            person = pseudonym(str(chat), self.secret, "tg")
            self.accept(str(update["update_id"]), person, lambda: self._turn(on_new_message, person, chat, message))
            return response.json({"ok": True})

        return webhook

    async def _turn(self, on_new_message, person: str, chat: int, message: Dict[str, Any]) -> None:
        metadata: Dict[str, Any] = {"channel": "telegram"}
        location = message.get("location") or {}
        text = (message.get("text") or "").strip()
        if "latitude" in location and "longitude" in location:
            metadata["location"] = {"latitude": float(location["latitude"]), "longitude": float(location["longitude"])}
            text = "/services_info_point"  # the last "where is..." question, else information points
        elif not text:
            lang = reply_language([message.get("caption") or ""])
            await self._send(chat, [translator(lang)("I can only read text. Please write your question in words.")], [])
            return
        past_pace, notice = self.too_fast(person, text, None)
        if past_pace:
            if notice:
                await self._send(chat, notice, [])
            return
        # A tapped keyboard button (its title) or an option's number: its payload.
        text = self.waiting.chosen_by_title(person, text) or choice_of(self.waiting.choices(person), text) or text
        turn = await take_turn(on_new_message, text, person, self.name(), metadata)
        self.remember_options(person, turn)
        if turn.texts:
            await self._send(chat, turn.texts, turn.buttons)

    async def _send(self, chat: int, texts: List[str], buttons: List[Dict[str, Any]]) -> None:
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=15))
        body = "\n\n".join(texts)[:MAX_TEXT]
        lang = reply_language(texts)
        if buttons:
            rows = [[{"text": str(b.get("title"))}] for b in buttons]
            _ = translator(lang)
            rows.append([{"text": _("Share my location"), "request_location": True}])
            markup: Dict[str, Any] = {"keyboard": rows, "resize_keyboard": True, "one_time_keyboard": True}
        else:
            markup = {"remove_keyboard": True}
        status, payload = await http_retry.post(self._session, f"{self.api}/sendMessage",
                                                json={"chat_id": chat, "text": body, "reply_markup": markup})
        if not (200 <= status < 300 and payload.get("ok")):
            logger.error("Telegram did not take a message: HTTP %s, error %s.", status, payload.get("error_code"))
