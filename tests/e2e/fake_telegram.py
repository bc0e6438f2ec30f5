"""A loopback stand-in for the Telegram Bot API's sendMessage, behaving like it: 404 for a
wrong bot token, 400 without chat_id or text or with a text over 4,096 characters, and 429
with parameters.retry_after when told to. Accepted messages are kept in ``sent``."""
import asyncio
import threading
from typing import Any, Dict, List, Optional

from aiohttp import web


class FakeTelegram:
    def __init__(self, token: str):
        self.token = token
        self.sent: List[Dict[str, Any]] = []
        self.fail_next: List[int] = []
        self.port: Optional[int] = None
        self._loop = asyncio.new_event_loop()
        self._runner: Optional[web.AppRunner] = None

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

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

    def start(self) -> "FakeTelegram":
        ready = threading.Event()

        def serve():
            asyncio.set_event_loop(self._loop)
            app = web.Application()
            app.router.add_post("/bot{token}/sendMessage", self._send)
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
