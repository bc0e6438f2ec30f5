"""Sending an SMS or WhatsApp message through Twilio's REST Messages API, without blocking.

Twilio answers 429 when we send too fast and 5xx when it has a problem: those are tried
again with a growing pause (honouring Retry-After). Other 4xx answers will fail again
(an invalid number, a number that opted out, a body too long): they are logged with
Twilio's error code, never the number, and not retried.
https://www.twilio.com/docs/messaging/api/message-resource#create-a-message-resource
"""
import asyncio
import logging
from dataclasses import dataclass
from typing import Optional

import aiohttp

logger = logging.getLogger(__name__)

OPTED_OUT = 21610  # Twilio: "Attempt to send to unsubscribed recipient"


@dataclass(frozen=True)
class SendResult:
    sent: bool
    status: int
    error_code: Optional[int] = None


class TwilioMessages:
    def __init__(self, account_sid: str, auth_token: str, sender: str, api_base: str = "https://api.twilio.com",
                 attempts: int = 5, first_pause: float = 0.5):
        self._url = f"{api_base.rstrip('/')}/2010-04-01/Accounts/{account_sid}/Messages.json"
        self._auth = aiohttp.BasicAuth(account_sid, auth_token)
        self._sender = sender
        self._attempts = attempts
        self._first_pause = first_pause
        self._session: Optional[aiohttp.ClientSession] = None

    async def send(self, to: str, body: str, sender: Optional[str] = None) -> SendResult:
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=15))
        pause = self._first_pause
        status = 0
        for attempt in range(1, self._attempts + 1):
            try:
                async with self._session.post(self._url, auth=self._auth,
                                              data={"To": to, "From": sender or self._sender, "Body": body}) as answer:
                    status = answer.status
                    if status < 300:
                        return SendResult(True, status)
                    payload = await _json(answer)
                    code = payload.get("code")
                    if status != 429 and status < 500:
                        logger.error("Twilio refused a message: HTTP %s, error %s (%s); not retried.",
                                     status, code, payload.get("message", ""))
                        return SendResult(False, status, code)
                    retry_after = _seconds(answer.headers.get("Retry-After"))
            except (aiohttp.ClientError, asyncio.TimeoutError) as problem:
                logger.warning("Twilio could not be reached (%s), attempt %d.", type(problem).__name__, attempt)
                retry_after = None
            if attempt < self._attempts:
                await asyncio.sleep(retry_after if retry_after is not None else pause)
                pause *= 2
        logger.error("Twilio did not take a message after %d attempts (last HTTP %s).", self._attempts, status)
        return SendResult(False, status)

    async def close(self) -> None:
        if self._session is not None:
            await self._session.close()


async def _json(answer: aiohttp.ClientResponse) -> dict:
    try:
        found = await answer.json(content_type=None)
        return found if isinstance(found, dict) else {}
    except (ValueError, aiohttp.ContentTypeError):
        return {}


def _seconds(value: Optional[str]) -> Optional[float]:
    try:
        return min(float(value), 30.0) if value is not None else None
    except ValueError:
        return None
