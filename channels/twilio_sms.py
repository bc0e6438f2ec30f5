"""SMS and WhatsApp through Twilio, as an input channel of the Rasa server.

    POST /webhooks/twilio_sms/webhook      (set this URL as the number's "A message comes in" webhook)

Settings come from the environment, never from a file: TWILIO_ACCOUNT_SID,
TWILIO_AUTH_TOKEN, TWILIO_FROM (our number), TWILIO_PUBLIC_URL (the webhook URL exactly as
Twilio calls it, which behind a proxy differs from what the server sees), PSEUDONYM_SECRET,
and optionally TWILIO_API_BASE (tests point it at a loopback server), SMS_SEGMENT_BUDGET
(default 3), CHANNEL_STATE_DB (var/channels.db, shared with the other channels),
TWILIO_WHATSAPP_FROM (default "whatsapp:" + TWILIO_FROM) and TWILIO_SKIP_SIGNATURE=1
(development only).

Each webhook is checked against X-Twilio-Signature (403 otherwise), acknowledged at once with
empty TwiML, and handled in the background, one person's messages in the order they came; a
MessageSid seen before is not handled again. The reply goes out through Twilio's REST API:
the turn's messages joined, numbered choices appended, cut to the segment budget with
"Reply MORE for the rest". STOP, START and HELP work as people expect. The phone number is
turned into a keyed pseudonym at once and goes no further than the sending of the reply.

A sender written "whatsapp:+..." is a WhatsApp user: the same rules hold, but a message is
not cut into SMS parts (WhatsApp shows up to 1,600 characters at once), right-to-left text
keeps its direction isolates, a shared location finds the nearest service points, and an
image, voice note or document gets a polite reply that only text is understood.
"""
import logging
from urllib.parse import parse_qs
from typing import Any, Awaitable, Callable, Dict, List, Optional, Text

from rasa.core.channels.channel import UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse
from twilio.request_validator import RequestValidator

from actions.i18n import DEFAULT_LANGUAGE, translator
from bot.components.emergency_keywords import danger_phrase_in
from bot.components.text import phrase_key, words
from bot.components.language_choice import menu_number
from channels.people import OptOuts, pseudonym
from channels.sms_text import DEFAULT_BUDGET, TWILIO_MAX_BODY, WHOLE_BUDGET, more_line, sms_parts
from channels.turns import BackgroundChannel, choice_of, reply_language, take_turn
from channels.twilio_api import OPTED_OUT, TwilioMessages

logger = logging.getLogger(__name__)

# What people write to stop, restart or ask for help, in English (as Twilio and carriers use)
# and in the assistant's other languages. Compared with the whole message, ignoring case and
# accents.
STOP_WORDS = {"stop", "stopall", "unsubscribe", "cancel", "end", "quit", "optout", "arret", "arrete", "desabonner",
              "parar", "detener", "baja", "توقف", "ايقاف", "إيقاف", "بس", "بند", "بند کرو", "بس کرو", "روکو", "بسه",
              "ودریږه", "বন্ধ", "বন্ধ করো", "ኣቋርጽ", "jooji", "joojiya"}
START_WORDS = {"start", "unstop", "subscribe", "demarrer", "reprendre", "empezar", "iniciar", "ابدأ", "ابدا",
               "شروع", "شروع کرو", "শুরু", "ጀምር", "bilow"}
# HELP and INFO only, as carriers expect: "help" in a person's own language may be a cry for
# help and goes to the assistant, whose danger rules answer it.
HELP_WORDS = {"help", "info"}
MORE_WORDS = {"more", "plus", "mas", "المزيد", "بیشتر", "مزید", "نوره", "আরো", "আরও", "ተወሳኺ", "wax kale", "dheeri"}
STOP_WORDS, START_WORDS, HELP_WORDS, MORE_WORDS = (
    {" ".join(phrase_key(word)) for word in words_of} for words_of in (STOP_WORDS, START_WORDS, HELP_WORDS, MORE_WORDS))
EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>'


def _keyword(body: str) -> str:
    """The message as a keyword: its words folded as every word list is (case, accents, Arabic
    letter variants), or "" for a longer message."""
    if len(body.strip()) > 20:
        return ""
    return " ".join(word.key for word in words(body))


def with_choices(texts: List[str], buttons: List[Dict[str, Any]]) -> List[str]:
    """Buttons become numbered lines ("1 Work  2 Study"), unless the text already lists them."""
    titles = [str(button.get("title", "")) for button in buttons]
    if not titles or all(title in "\n".join(texts) for title in titles):
        return texts
    return texts + ["  ".join(f"{number} {title}" for number, title in enumerate(titles, start=1))]


def whatsapp_parts(texts: List[str]) -> List[str]:
    """WhatsApp shows long messages whole: the turn's messages as few bodies of at most 1,600
    characters as they fit, direction isolates kept for display."""
    parts: List[str] = []
    for text in (t.strip() for t in texts if t and t.strip()):
        if parts and len(parts[-1]) + 2 + len(text) <= TWILIO_MAX_BODY:
            parts[-1] += "\n\n" + text
        else:
            parts.extend(text[i:i + TWILIO_MAX_BODY] for i in range(0, len(text), TWILIO_MAX_BODY))
    return parts or [""]


def _location(params: Dict[str, str]) -> Optional[Dict[str, float]]:
    try:
        return {"latitude": float(params["Latitude"]), "longitude": float(params["Longitude"])}
    except (KeyError, ValueError):
        return None


class TwilioSmsInput(BackgroundChannel):
    @classmethod
    def name(cls) -> Text:
        return "twilio_sms"

    def __init__(self, environment) -> None:
        super().__init__(environment)
        get = environment.get
        self.account_sid = get("TWILIO_ACCOUNT_SID", "")
        self.auth_token = get("TWILIO_AUTH_TOKEN", "")
        self.sender = get("TWILIO_FROM", "")
        self.public_url = get("TWILIO_PUBLIC_URL", "")
        self.skip_signature = get("TWILIO_SKIP_SIGNATURE", "") == "1"
        self.budget = int(get("SMS_SEGMENT_BUDGET", DEFAULT_BUDGET))
        self.whatsapp_sender = get("TWILIO_WHATSAPP_FROM", f"whatsapp:{get('TWILIO_FROM', '')}")
        self.configured = all((self.account_sid, self.auth_token, self.sender, self.secret,
                               self.public_url or self.skip_signature))
        if self.skip_signature:
            logger.warning("TWILIO_SKIP_SIGNATURE=1: webhooks are NOT checked; for development only.")
        self.api = TwilioMessages(self.account_sid, self.auth_token, self.sender,
                                  get("TWILIO_API_BASE", "https://api.twilio.com"))
        self.opt_outs = OptOuts(self.state_db)

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        webhook = self.new_blueprint()

        @webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            if not self.configured:
                return response.text("SMS is not configured on this server", status=503)
            # Twilio signs every parameter, empty ones included (Sanic's request.form drops those).
            params = {key: values[0] for key, values in
                      parse_qs(request.body.decode("utf-8", "replace"), keep_blank_values=True).items()}
            if not self.skip_signature:
                signature = request.headers.get("X-Twilio-Signature", "")
                if not signature or not RequestValidator(self.auth_token).validate(self.public_url, params, signature):
                    logger.warning("Refused a webhook without a valid Twilio signature.")
                    return response.text("forbidden", status=403)
            number, message_id = params.get("From", ""), params.get("MessageSid", "")
            if not number or not message_id:
                return response.text("From and MessageSid are required", status=400)
            whatsapp = number.startswith("whatsapp:")
            person = pseudonym(number, self.secret, "wa" if whatsapp else "sms")
            self.accept(message_id, person, lambda: self._turn(on_new_message, person, number, params, whatsapp))
            return response.text(EMPTY_TWIML, content_type="text/xml")

        return webhook

    async def _turn(self, on_new_message, person: str, number: str, params: Dict[str, str], whatsapp: bool) -> None:
        body = params.get("Body", "")[:TWILIO_MAX_BODY]
        word = _keyword(body)
        known = self.waiting.language(person)  # the language of our last reply, if any
        lang = known or DEFAULT_LANGUAGE
        _ = translator(lang)
        if self.opt_outs.stopped(person):
            if word in START_WORDS:
                self.opt_outs.start(person)
                await self._send(person, number, [_("You will get messages again. Write your question.")])
                return
            if danger_phrase_in(body) is None:
                return
            # Someone who once wrote STOP now writes that they are in danger: they get the numbers.
        if word in STOP_WORDS:
            # TRANSLATORS: keep START in Latin capitals: the person writes it to get messages again.
            await self._send(person, number, [_("You will get no more messages from us. Write START to start again.")])
            self.opt_outs.stop(person)
            return
        past_pace, notice = self.too_fast(person, body, lang)
        if past_pace:
            if notice:
                await self._send(person, number, notice, remember=False)  # what waits for MORE is kept
            return
        if word in HELP_WORDS:
            # TRANSLATORS: LANGUAGE is the word for language that opens the menu (as in "To change the
            # language, write ..."); keep STOP in Latin capitals.
            await self._send(person, number, [_("Free information on safe migration. Write your question in "
                                                "your language. LANGUAGE to change language, STOP to stop.")])
            return
        if word in MORE_WORDS:
            part = self.waiting.next_part(person)
            if part is not None:
                await self._deliver(person, number, part)
            else:
                await self._send(person, number, [_("That was the whole answer. Write your next question.")])
            return
        metadata: Dict[str, Any] = {"channel": "whatsapp" if whatsapp else "sms"}
        location = _location(params)
        if location is not None:
            # A shared location answers "where is the nearest...": the last such question, else
            # information points (see actions/answer_topic.py).
            metadata["location"] = location
            body = "/services_info_point"
        elif not body.strip() and int(params.get("NumMedia", "0") or 0) > 0:
            await self._send(person, number, [_("I can only read text. Please write your question in words.")])
            return
        if (menu_number(body) or 0) > 0 and self.waiting.holds_choices(person):
            # A number while the options are still behind MORE: the rest first, nothing lost
            # (0 is always the main menu).
            await self._deliver(person, number, more_line(lang))
            return
        text = choice_of(self.waiting.choices(person), body) or body
        turn = await take_turn(on_new_message, text, person, "twilio_whatsapp" if whatsapp else self.name(), metadata,
                               known_language=known)
        self.remember_options(person, turn)
        texts = turn.texts
        if turn.first_alone and not whatsapp:
            # The welcome, so that the answer is not cut for it; nothing more if the number refuses it.
            if not await self._send(person, number, texts[:1]):
                return
            texts = texts[1:]
        if texts:
            await self._send(person, number, with_choices(texts, turn.buttons), remember=not turn.erased,
                             budget=WHOLE_BUDGET if turn.whole else self.budget)
            self.waiting.hold_choices(person)  # while the options wait behind MORE, a number is no choice

    async def _send(self, person: str, number: str, texts: List[str], remember: bool = True,
                    budget: Optional[int] = None) -> bool:
        """Sends the first part of ``texts`` (the rest waits for MORE); False if the number opted out."""
        lang = reply_language(texts)
        if number.startswith("whatsapp:"):
            parts = whatsapp_parts(texts)
        else:
            parts = sms_parts(texts, lang, budget or self.budget)
        if remember:
            self.waiting.keep_language(person, lang)
            self.waiting.keep_parts(person, parts[1:])
        return await self._deliver(person, number, parts[0])

    async def _deliver(self, person: str, number: str, body: str) -> bool:
        sender = self.whatsapp_sender if number.startswith("whatsapp:") else None
        result = await self.api.send(number, body, sender)
        if result.error_code == OPTED_OUT:
            self.opt_outs.stop(person)
            return False
        return True
