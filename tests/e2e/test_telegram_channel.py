"""The Telegram channel end to end: the real servers, a loopback Bot API, the webhook secret."""
import json
import random
import sqlite3
import time
import urllib.error
import urllib.request

import pytest

from actions.content_lookup import library
from bot.stack import running
from tests.e2e.ports import free_port
from tests.e2e.conversation import without_welcome
from tests.e2e.fake_telegram import FakeTelegram

pytestmark = pytest.mark.slow

TOKEN, SECRET = "123456:test-token", "webhook-secret"


@pytest.fixture(scope="module")
def telegram(trained_model, tmp_path_factory):
    folder = tmp_path_factory.mktemp("telegram")
    api = FakeTelegram(TOKEN).start()
    environment = {"TELEGRAM_TOKEN": TOKEN, "TELEGRAM_SECRET": SECRET, "TELEGRAM_API_BASE": api.base_url,
                   "PSEUDONYM_SECRET": "test-secret"}
    with open(folder / "servers.log", "w") as log:
        with running(trained_model, free_port(), free_port(), folder / "tracker.db", log,
                     environment=environment) as stack:
            stack.api, stack.tracker_db, stack.log_path = api, folder / "tracker.db", folder / "servers.log"
            yield stack
    api.stop()


def update(stack, chat, message, secret=SECRET):
    body = {"update_id": random.randrange(10 ** 9), "message": {"message_id": 1, "chat": {"id": chat, "type": "private"},
                                                                 "date": int(time.time()), **message}}
    request = urllib.request.Request(f"{stack.rasa_url}/webhooks/telegram/webhook", data=json.dumps(body).encode(),
                                     headers={"Content-Type": "application/json",
                                              "X-Telegram-Bot-Api-Secret-Token": secret})
    try:
        with urllib.request.urlopen(request, timeout=10) as answer:
            return answer.status
    except urllib.error.HTTPError as refused:
        return refused.code


def replies(stack, chat, count=1, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = [m for m in stack.api.sent if m["chat_id"] == chat]
        if len(found) >= count:
            return found
        time.sleep(0.1)
    return [m for m in stack.api.sent if m["chat_id"] == chat]


def new_chat():
    return random.randrange(10 ** 8, 10 ** 9)


def test_a_webhook_without_the_secret_token_is_refused(telegram):
    chat = new_chat()
    assert update(telegram, chat, {"text": "hello"}, secret="wrong") == 403
    assert update(telegram, chat, {"text": "hello"}, secret="") == 403
    time.sleep(1)
    assert replies(telegram, chat, timeout=0) == []


def test_a_question_is_answered_through_the_bot_api(telegram):
    chat = new_chat()
    assert update(telegram, chat, {"text": "how do i get a work visa for the netherlands"}) == 200
    [reply] = replies(telegram, chat)
    assert without_welcome(reply["text"]).startswith(library().answer("NL", "pathways_work").text["en"])
    # The follow-ups are a keyboard: "Was this useful?", related topics, and sharing one's location.
    keyboard = [row[0]["text"] for row in reply["reply_markup"]["keyboard"]]
    assert keyboard[:4] == ["Yes", "No", "Fake job offers", "Visa: how to apply"]


def test_the_language_menu_is_a_reply_keyboard_with_location_sharing_and_a_tap_switches(telegram):
    chat = new_chat()
    telegram.api.fail_next.append(429)  # Telegram says "too many requests" once: tried again
    update(telegram, chat, {"text": "language"})
    [menu] = replies(telegram, chat)
    keyboard = menu["reply_markup"]["keyboard"]
    assert [row[0]["text"] for row in keyboard[:3]] == ["English", "العربية", "دری"]
    assert keyboard[-1][0]["request_location"] is True
    update(telegram, chat, {"text": "العربية"})
    reply = replies(telegram, chat, 2)[1]
    assert without_welcome(reply["text"]).startswith("حسنا")  # after the welcome, in Arabic


def test_a_shared_location_lists_the_nearest_service_points(telegram):
    chat = new_chat()
    update(telegram, chat, {"location": {"latitude": 31.5204, "longitude": 74.3587}})
    [reply] = replies(telegram, chat)
    assert without_welcome(reply["text"]).splitlines()[0] == "Nearest places to you:"


def test_the_chat_id_reaches_neither_the_tracker_store_nor_the_logs(telegram):
    chat = new_chat()
    update(telegram, chat, {"text": "thank you"})
    replies(telegram, chat)
    with sqlite3.connect(telegram.tracker_db) as db:
        rows = db.execute("select sender_id, data from events").fetchall()
    assert rows and all(sender.startswith("tg-") for sender, _ in rows)
    assert not any(str(chat) in sender or str(chat) in data for sender, data in rows)
    assert str(chat) not in telegram.log_path.read_text()
