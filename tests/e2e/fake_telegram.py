"""A loopback stand-in for the Telegram Bot API's sendMessage, behaving like it: 404 for a
wrong bot token, 400 without chat_id or text or with a text over 4,096 characters, and 429
with parameters.retry_after when told to. Accepted messages are kept in ``sent``."""
from typing import Any, Dict, List

from aiohttp import web

from tests.e2e.loopback import LoopbackServer


class FakeTelegram(LoopbackServer):
    def __init__(self, token: str):
        super().__init__()
        self.token = token
        self.sent: List[Dict[str, Any]] = []
        self.fail_next: List[int] = []

    async def _send(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != self.token:
            return web.json_response({"ok": False, "error_code": 404, "description": "Not Found"}, status=404)
        if self.fail_next:
            status = self.fail_next.pop(0)
            return web.json_response({"ok": False, "error_code": status, "description": "Too Many Requests",
                                      "parameters": {"retry_after": 0}}, status=status)
        body = await request.json()
        if "chat_id" not in body or not body.get("text"):
            return web.json_response({"ok": False, "error_code": 400, "description": "Bad Request: message text is empty"},
                                     status=400)
        if len(body["text"]) > 4096:
            return web.json_response({"ok": False, "error_code": 400, "description": "Bad Request: message is too long"},
                                     status=400)
        self.sent.append(body)
        return web.json_response({"ok": True, "result": {"message_id": len(self.sent), "chat": {"id": body["chat_id"]},
                                                         "text": body["text"]}})

    def routes(self, app: web.Application) -> None:
        app.router.add_post("/bot{token}/sendMessage", self._send)
