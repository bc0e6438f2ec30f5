"""The SMS channel in an end-to-end test: the real Rasa and action servers with the SMS channel,
a loopback Twilio API, and webhooks signed as Twilio signs them. The ``sms`` fixture is
shared by the SMS tests (tests/e2e/conftest.py)."""
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from contextlib import contextmanager

from twilio.request_validator import RequestValidator

from bot.stack import running
from tests.e2e.fake_twilio import FakeTwilio
from tests.e2e.ports import free_port

SID, TOKEN, OUR_NUMBER = "AC" + "0" * 32, "test-auth-token", "+15550001111"
PUBLIC_URL = "https://sms.example.org/webhooks/twilio_sms/webhook"  # as Twilio sees us, behind a proxy
MESSAGES_PER_MINUTE = 40  # the tests write faster than people do (15 a minute by default)


def start_sms(trained_model, tmp_path_factory):
    with sms_stack(trained_model, tmp_path_factory.mktemp("sms")) as stack:
        yield stack


@contextmanager
def sms_stack(trained_model, folder):
    """The servers with the SMS channel, keeping their databases in ``folder`` (a second stack
    on the same folder is the same assistant after a restart)."""
    twilio = FakeTwilio(SID, TOKEN).start()
    log_path = folder / "servers.log"
    environment = {"TWILIO_ACCOUNT_SID": SID, "TWILIO_AUTH_TOKEN": TOKEN, "TWILIO_FROM": OUR_NUMBER,
                   "TWILIO_PUBLIC_URL": PUBLIC_URL, "TWILIO_API_BASE": twilio.base_url,
                   "PSEUDONYM_SECRET": "test-secret",  # the channels' state file lies beside the tracker's
                   "MESSAGES_PER_MINUTE": str(MESSAGES_PER_MINUTE)}
    try:
        with open(log_path, "a") as log:
            with running(trained_model, free_port(), free_port(), folder / "tracker.db", log,
                         environment=environment) as stack:
                stack.twilio, stack.log_path, stack.tracker_db = twilio, log_path, folder / "tracker.db"
                yield stack
    finally:
        twilio.stop()


def post(stack, params, signature=None):
    """A webhook as Twilio sends it: form fields, signed over the public URL."""
    if signature is None:
        signature = RequestValidator(TOKEN).compute_signature(PUBLIC_URL, params)
    request = urllib.request.Request(f"{stack.rasa_url}/webhooks/twilio_sms/webhook",
                                     data=urllib.parse.urlencode(params).encode(),
                                     headers={"X-Twilio-Signature": signature,
                                              "Content-Type": "application/x-www-form-urlencoded"})
    try:
        with urllib.request.urlopen(request, timeout=10) as answer:
            return answer.status, answer.read().decode()
    except urllib.error.HTTPError as refused:
        return refused.code, refused.read().decode()


def text_from(stack, number, body, sid=None):
    return post(stack, {"From": number, "To": OUR_NUMBER, "Body": body, "MessageSid": sid or f"SM{uuid.uuid4().hex}"})


def replies_to(stack, number, count=1, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = [m["Body"] for m in stack.twilio.sent if m["To"] == number]
        if len(found) >= count:
            return found
        time.sleep(0.1)
    return [m["Body"] for m in stack.twilio.sent if m["To"] == number]


def new_number():
    return "+3161" + str(uuid.uuid4().int)[:7]


class Phone:
    """One person's phone: what they send, and the SMS they receive in return."""

    def __init__(self, stack, number=None):
        self.stack, self.number = stack, number or new_number()
        self.received = 0

    def send(self, body, replies=1, timeout=30):
        """Sends one SMS and returns the ``replies`` SMS that come back to it."""
        text_from(self.stack, self.number, body)
        found = replies_to(self.stack, self.number, self.received + replies, timeout)
        new, self.received = found[self.received:], len(found)
        assert len(new) >= replies, (body, new)
        return new

    def greeted(self):
        """Past the first contact: the welcome and the offer of the menu have come."""
        self.send("hello", replies=2)
        return self
