"""A loopback stand-in for Twilio's REST Messages API, behaving like it, errors included.

It checks HTTP basic auth (401 with Twilio's error 20003 otherwise), requires To, From and
Body, refuses a body over 1,600 characters (400, error 21617) and a number the test marked
as opted out (400, error 21610), and can be told to answer the next requests with 429 or
500 first. Messages it accepts are kept in ``sent`` in order.
"""
from typing import Dict, List

from aiohttp import BasicAuth, web

from tests.e2e.loopback import LoopbackServer


class FakeTwilio(LoopbackServer):
    def __init__(self, account_sid: str, auth_token: str):
        super().__init__()
        self.account_sid = account_sid
        self.auth_token = auth_token
        self.sent: List[Dict[str, str]] = []
        self.requests = 0
        self.fail_next: List[int] = []          # statuses to answer first, in order (429, 500)
        self.opted_out: set = set()

    async def _messages(self, request: web.Request) -> web.Response:
        self.requests += 1
        if request.match_info["sid"] != self.account_sid or request.headers.get("Authorization") != \
                BasicAuth(self.account_sid, self.auth_token).encode():
            return web.json_response({"code": 20003, "message": "Authenticate", "status": 401}, status=401)
        if self.fail_next:
            status = self.fail_next.pop(0)
            headers = {"Retry-After": "0"} if status == 429 else {}
            return web.json_response({"code": 20429 if status == 429 else 20500, "message": "try later",
                                      "status": status}, status=status, headers=headers)
        form = await request.post()
        to, sender, body = form.get("To"), form.get("From"), form.get("Body")
        if not to or not sender or body is None:
            return web.json_response({"code": 21604, "message": "A 'To' phone number is required.", "status": 400},
                                     status=400)
        if len(body) > 1600:
            return web.json_response({"code": 21617, "message": "The concatenated message body exceeds the "
                                                                "1600 character limit.", "status": 400}, status=400)
        if to in self.opted_out:
            return web.json_response({"code": 21610, "message": f"Attempt to send to unsubscribed recipient {to}",
                                      "status": 400}, status=400)
        self.sent.append({"To": to, "From": sender, "Body": body})
        return web.json_response({"sid": f"SM{len(self.sent):032d}", "status": "queued", "to": to, "body": body},
                                 status=201)

    def routes(self, app: web.Application) -> None:
        app.router.add_post("/2010-04-01/Accounts/{sid}/Messages.json", self._messages)
