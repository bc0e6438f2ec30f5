"""SMS channel under load: signed webhooks at a given concurrency against the real servers.

    python bench/sms_load.py [--messages 200] [--concurrency 20]

Starts the action server and the Rasa server (with the trained model) and a loopback Twilio
API, then sends signed webhooks from distinct numbers, ``concurrency`` at a time, and prints
webhook acknowledgement latency and time until the reply reaches the Twilio API (p50, p95,
p99) and messages handled per second.
"""
import argparse
import asyncio
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

import aiohttp
from twilio.request_validator import RequestValidator

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.stack import running  # noqa: E402
from bot.train import ensure_model  # noqa: E402
from tests.e2e.ports import free_port  # noqa: E402
from tests.e2e.fake_twilio import FakeTwilio  # noqa: E402

SID, TOKEN, OURS = "AC" + "1" * 32, "bench-token", "+15550002222"
PUBLIC_URL = "https://sms.example.org/webhooks/twilio_sms/webhook"
QUESTIONS = ["how do i get a work visa for the netherlands", "كيف احصل على فيزا عمل في هولندا", "thank you",
             "legal aid in lahore", "mujhe holland ka work visa kaise milega", "how do i apply for asylum in greece"]


def percentiles(values):
    ordered = sorted(values)
    pick = lambda p: ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]
    return pick(50), pick(95), pick(99)


async def load(rasa_url: str, twilio: FakeTwilio, messages: int, concurrency: int):
    acks, sent_at = [], {}
    gate = asyncio.Semaphore(concurrency)
    validator = RequestValidator(TOKEN)

    async def one(session, index):
        number = f"+3162{index:07d}"
        params = {"From": number, "To": OURS, "Body": QUESTIONS[index % len(QUESTIONS)],
                  "MessageSid": f"SM{uuid.uuid4().hex}"}
        headers = {"X-Twilio-Signature": validator.compute_signature(PUBLIC_URL, params)}
        async with gate:
            started = time.perf_counter()
            async with session.post(f"{rasa_url}/webhooks/twilio_sms/webhook", data=params, headers=headers) as r:
                await r.read()
                acks.append(time.perf_counter() - started)
            sent_at[number] = started

    began = time.perf_counter()
    async with aiohttp.ClientSession() as session:
        await asyncio.gather(*(one(session, i) for i in range(messages)))
    arrived = {}
    while len(arrived) < messages and time.perf_counter() - began < 600:
        for message in list(twilio.sent):
            arrived.setdefault(message["To"], time.perf_counter())
        await asyncio.sleep(0.01)
    total = time.perf_counter() - began
    replies = [arrived[number] - sent_at[number] for number in arrived if number in sent_at]
    return acks, replies, total


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=200)
    parser.add_argument("--concurrency", type=int, default=20)
    args = parser.parse_args()
    twilio = FakeTwilio(SID, TOKEN).start()
    folder = Path(tempfile.mkdtemp())
    environment = {"TWILIO_ACCOUNT_SID": SID, "TWILIO_AUTH_TOKEN": TOKEN, "TWILIO_FROM": OURS,
                   "TWILIO_PUBLIC_URL": PUBLIC_URL, "TWILIO_API_BASE": twilio.base_url,
                   "PSEUDONYM_SECRET": "bench", "CHANNEL_STATE_DB": str(folder / "channels.db")}
    with open(folder / "servers.log", "w") as log, running(ensure_model(), free_port(), free_port(),
                                                           folder / "tracker.db", log, environment) as stack:
        acks, replies, total = asyncio.run(load(stack.rasa_url, twilio, args.messages, args.concurrency))
    twilio.stop()
    ms = lambda seconds: f"{seconds * 1000:.0f} ms"
    print(f"{args.messages} messages from {args.messages} people, {args.concurrency} at a time")
    print("webhook acknowledgement: p50 {} p95 {} p99 {}".format(*map(ms, percentiles(acks))))
    if replies:
        print("reply at the Twilio API:  p50 {} p95 {} p99 {}".format(*map(ms, percentiles(replies))))
    print(f"replies received: {len(replies)} of {args.messages}; {len(replies) / total:.1f} messages/s overall; "
          f"mean acknowledgement {ms(statistics.mean(acks))}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
