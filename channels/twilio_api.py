"""Sending an SMS or WhatsApp message through Twilio's REST Messages API, without blocking.

429 and 5xx answers are tried again (channels/http_retry.py). Other 4xx answers will fail
again (an invalid number, a number that opted out, a body too long): they are logged with
Twilio's error code, never the number, and not retried.
https://www.twilio.com/docs/messaging/api/message-resource#create-a-message-resource
"""
import logging
from dataclasses import dataclass
from typing import Optional

import aiohttp

from channels import http_retry

logger = logging.getLogger(__name__)

OPTED_OUT = 21610  # Twilio: "Attempt to send to unsubscribed recipient"


@dataclass(frozen=True)
class SendResult:
    sent: bool
    status: int
    error_code: Optional[int] = None


class TwilioMessages:
    def __init__(self, account_sid: str, auth_token: str, sender: str, api_base: str = "https://api.twilio.com"):
        self._url = f"{api_base.rstrip('/')}/2010-04-01/Accounts/{account_sid}/Messages.json"
        self._auth = aiohttp.BasicAuth(account_sid, auth_token)
        self._sender = sender
        self._session: Optional[aiohttp.ClientSession] = None

    async def send(self, to: str, body: str, sender: Optional[str] = None) -> SendResult:
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=15))
        status, payload = await http_retry.post(self._session, self._url, auth=self._auth,
                                                data={"To": to, "From": sender or self._sender, "Body": body})
        if status < 300 and status:
            return SendResult(True, status)
        # Twilio's message text can quote the phone number: only the status and error code are logged.
        logger.error("Twilio did not take a message: HTTP %s, error %s.", status, payload.get("code"))
        return SendResult(False, status, payload.get("code"))
