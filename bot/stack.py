"""Starts the action server and the Rasa server together, on localhost, and stops them together.

    python -m bot.stack          # serve until Ctrl-C (what `make run` does)
    python -m bot.stack --chat   # serve in the background and chat in this terminal (`make shell`)

Ports and the tracker database come from RASA_PORT (5005), ACTION_PORT (5055) and
TRACKER_DB (var/tracker.db); the anonymous counts for staff (actions/statistics.py) go to
stats.db beside it. The end-to-end tests start the same stack on free ports.
"""
import argparse
import json
import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Callable, Iterator, List, Optional

BOT = Path(__file__).resolve().parent
ROOT = BOT.parent
START_TIMEOUT = 240.0


@dataclass
class Stack:
    rasa_url: str
    action_url: str
    processes: List[subprocess.Popen]

    def say(self, sender: str, text: str, timeout: float = 60.0) -> List[dict]:
        """Sends one message over the REST channel and returns the assistant's replies."""
        body = json.dumps({"sender": sender, "message": text}).encode()
        request = urllib.request.Request(f"{self.rasa_url}/webhooks/rest/webhook", data=body,
                                         headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return json.loads(response.read())


def _wait_until_up(url: str, process: subprocess.Popen, ready: Callable[[dict], bool], what: str) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the {what} stopped at start (exit code {process.returncode}); see its log")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if ready(json.loads(response.read() or b"{}")):
                    return
        except (urllib.error.URLError, ConnectionError, ValueError, OSError):
            pass
        time.sleep(0.5)
    raise RuntimeError(f"the {what} did not answer on {url} within {START_TIMEOUT:.0f} s")


def _stop(processes: List[subprocess.Popen]) -> None:
    for process in processes:
        if process.poll() is None:
            process.send_signal(signal.SIGINT)
    for process in processes:
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@contextmanager
def running(model: Path, rasa_port: int, action_port: int, tracker_db: Path,
            log: Optional[IO] = None, environment: Optional[dict] = None) -> Iterator[Stack]:
    """The two servers, up and answering, for the duration of the ``with`` block."""
    tracker_db.parent.mkdir(parents=True, exist_ok=True)
    action_url = f"http://127.0.0.1:{action_port}"
    rasa_url = f"http://127.0.0.1:{rasa_port}"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "RASA_TELEMETRY_ENABLED": "false", "PYTHONUNBUFFERED": "1",
           "ACTION_ENDPOINT_URL": f"{action_url}/webhook",
           "TRACKER_DB": str(tracker_db), "STATS_DB": str(tracker_db.parent / "stats.db"),
           "CHANNEL_STATE_DB": str(tracker_db.parent / "channels.db"), **(environment or {})}
    python = sys.executable
    processes: List[subprocess.Popen] = []
    try:
        actions = subprocess.Popen([python, "-m", "rasa_sdk", "--actions", "actions", "--port", str(action_port)],
                                   cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT if log else None)
        processes.append(actions)
        rasa = subprocess.Popen(
            [python, "-m", "rasa", "run", "--model", str(model), "--enable-api", "--interface", "127.0.0.1",
             "--port", str(rasa_port), "--endpoints", str(BOT / "endpoints.yml"),
             "--credentials", str(BOT / "credentials.yml")],
            cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT if log else None)
        processes.append(rasa)
        _wait_until_up(f"{action_url}/health", actions, lambda body: body.get("status") == "ok", "action server")
        _wait_until_up(f"{rasa_url}/status", rasa, lambda body: bool(body.get("model_file")), "Rasa server")
        yield Stack(rasa_url, action_url, processes)
    finally:
        _stop(processes)


def _chat(stack: Stack) -> None:
    sender = f"terminal-{uuid.uuid4().hex[:8]}"
    print("Type a message and press Enter. Ctrl-D or /quit ends the chat.\n")
    while True:
        try:
            text = input("you> ").strip()
        except EOFError:
            break
        if text == "/quit":
            break
        if text:
            for reply in stack.say(sender, text):
                print("bot> " + reply.get("text", json.dumps(reply, ensure_ascii=False)).replace("\n", "\n     "))
            print()


def main() -> None:
    from bot.train import ensure_model

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--chat", action="store_true", help="chat in this terminal")
    args = parser.parse_args()
    rasa_port = int(os.environ.get("RASA_PORT", "5005"))
    action_port = int(os.environ.get("ACTION_PORT", "5055"))
    tracker_db = Path(os.environ.get("TRACKER_DB", ROOT / "var" / "tracker.db")).resolve()
    model = ensure_model()
    log_path = ROOT / "var" / "log" / "servers.log"
    log_path.parent.mkdir(parents=True, exist_ok=True)
    with open(log_path, "a", encoding="utf-8") as log:
        with running(model, rasa_port, action_port, tracker_db, log if args.chat else None) as stack:
            if args.chat:
                print(f"The assistant is running (server logs: {log_path.relative_to(ROOT)}).")
                _chat(stack)
                return
            print(f"""
The assistant is running.
  Web chat:       {stack.rasa_url}/webhooks/webchat/chat   (open it in a browser)
  REST channel:   POST {stack.rasa_url}/webhooks/rest/webhook  {{"sender": "me", "message": "hello"}}
  SMS/WhatsApp:   POST {stack.rasa_url}/webhooks/twilio_sms/webhook  (set TWILIO_* and PSEUDONYM_SECRET)
  Telegram:       POST {stack.rasa_url}/webhooks/telegram/webhook  (set TELEGRAM_* and PSEUDONYM_SECRET)
  HTTP API:       {stack.rasa_url}/status
  Action server:  {stack.action_url}/health
  Conversations:  {tracker_db}
Try:  curl -s {stack.rasa_url}/webhooks/rest/webhook -d '{{"sender":"me","message":"how do i get a work visa for the netherlands"}}'
Or chat in a terminal with `make shell`. Ctrl-C stops both servers.
""", flush=True)
            try:
                while all(p.poll() is None for p in stack.processes):
                    time.sleep(1)
            except KeyboardInterrupt:
                pass


if __name__ == "__main__":
    main()
