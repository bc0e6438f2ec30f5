"""A loopback stand-in for Twilio's REST Messages API, behaving like it, errors included.

It checks HTTP basic auth (401 with Twilio's error 20003 otherwise), requires To, From and
Body, refuses a body over 1,600 characters (400, error 21617) and a number the test marked
as opted out (400, error 21610), and can be told to answer the next requests with 429 or
500 first. Messages it accepts are kept in ``sent`` in order.
"""
import asyncio
import threading
from typing import Dict, List, Optional

from aiohttp import web


class FakeTwilio:
    def __init__(self, account_sid: str, auth_token: str):
        self.account_sid = account_sid
        self.auth_token = auth_token
        self.sent: List[Dict[str, str]] = []
        self.requests = 0
        self.fail_next: List[int] = []          # statuses to answer first, in order (429, 500)
        self.opted_out: set = set()
        self.port: Optional[int] = None
        self._loop = asyncio.new_event_loop()
        self._runner: Optional[web.AppRunner] = None

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    async def _messages(self, request: web.Request) -> web.Response:
        self.requests += 1
        if request.match_info["sid"] != self.account_sid or request.headers.get("Authorization") != \
                __import__("aiohttp").BasicAuth(self.account_sid, self.auth_token).encode():
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
            return web.json_response({"code": 21610, "message": "Attempt to send to unsubscribed recipient",
                                      "status": 400}, status=400)
        self.sent.append({"To": to, "From": sender, "Body": body})
        return web.json_response({"sid": f"SM{len(self.sent):032d}", "status": "queued", "to": to, "body": body},
                                 status=201)

    def start(self) -> "FakeTwilio":
        ready = threading.Event()

        def serve():
            asyncio.set_event_loop(self._loop)
            app = web.Application()
            app.router.add_post("/2010-04-01/Accounts/{sid}/Messages.json", self._messages)
            self._runner = web.AppRunner(app)
            self._loop.run_until_complete(self._runner.setup())
            site = web.TCPSite(self._runner, "127.0.0.1", 0)
            self._loop.run_until_complete(site.start())
            self.port = site._server.sockets[0].getsockname()[1]
            ready.set()
            self._loop.run_forever()

        threading.Thread(target=serve, daemon=True).start()
        ready.wait(10)
        return self

    def stop(self) -> None:
        async def close():
            await self._runner.cleanup()
        asyncio.run_coroutine_threadsafe(close(), self._loop).result(10)
        self._loop.call_soon_threadsafe(self._loop.stop)
