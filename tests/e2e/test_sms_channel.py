"""SMS through Twilio, end to end: the real Rasa and action servers with the SMS channel, a
loopback Twilio API, and webhooks signed as Twilio signs them."""
import sqlite3
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid

import pytest
from twilio.request_validator import RequestValidator

from actions.content_lookup import library
from bot.stack import running
from channels.sms_text import encoding
from tests.e2e.conftest import free_port
from tests.e2e.fake_twilio import FakeTwilio

pytestmark = pytest.mark.slow

SID, TOKEN, OUR_NUMBER = "AC" + "0" * 32, "test-auth-token", "+15550001111"
PUBLIC_URL = "https://sms.example.org/webhooks/twilio_sms/webhook"  # as Twilio sees us, behind a proxy


@pytest.fixture(scope="module")
def sms(trained_model, tmp_path_factory):
    folder = tmp_path_factory.mktemp("sms")
    twilio = FakeTwilio(SID, TOKEN).start()
    log_path = folder / "servers.log"
    environment = {"TWILIO_ACCOUNT_SID": SID, "TWILIO_AUTH_TOKEN": TOKEN, "TWILIO_FROM": OUR_NUMBER,
                   "TWILIO_PUBLIC_URL": PUBLIC_URL, "TWILIO_API_BASE": twilio.base_url,
                   "PSEUDONYM_SECRET": "test-secret", "SMS_STATE_DB": str(folder / "sms.db")}
    with open(log_path, "w") as log:
        with running(trained_model, free_port(), free_port(), folder / "tracker.db", log,
                     environment=environment) as stack:
            stack.twilio, stack.log_path, stack.tracker_db = twilio, log_path, folder / "tracker.db"
            yield stack
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


def test_a_webhook_without_a_valid_signature_is_refused_and_not_handled(sms):
    number = new_number()
    assert post(sms, {"From": number, "Body": "hello", "MessageSid": "SM1"}, signature="forged")[0] == 403
    assert post(sms, {"From": number, "Body": "hello", "MessageSid": "SM2"}, signature="")[0] == 403
    time.sleep(1)
    assert replies_to(sms, number, timeout=0) == []


def test_the_webhook_is_acknowledged_at_once_and_the_answer_comes_by_the_api_within_the_budget(sms):
    number = new_number()
    started = time.monotonic()
    status, body = text_from(sms, number, "how do i get a work visa for the netherlands")
    assert status == 200 and body.endswith("<Response></Response>")
    assert time.monotonic() - started < 2
    [first] = replies_to(sms, number)
    assert first.startswith(library().answer("NL", "pathways_work").text["en"])
    assert encoding(first).segments <= 3 and encoding(first).name == "GSM-7"


def test_a_long_answer_is_cut_at_a_sentence_and_more_sends_the_rest(sms):
    number = new_number()
    text_from(sms, number, "كيف احصل على فيزا عمل في هولندا")
    [first] = replies_to(sms, number)
    assert encoding(first).segments <= 3 and encoding(first).name == "UCS-2"
    assert "MORE" in first.splitlines()[-1]  # "Reply MORE for the rest", in Arabic
    assert not any(ch in first for ch in "\u200e\u200f\u2066\u2067\u2068\u2069")  # no direction marks on SMS
    text_from(sms, number, "MORE")
    parts = replies_to(sms, number, 2)
    assert len(parts) == 2 and encoding(parts[1]).segments <= 3
    while "MORE" in parts[-1].splitlines()[-1]:
        text_from(sms, number, "more")
        parts = replies_to(sms, number, len(parts) + 1)
    assert "تم التحقق" in parts[-1]  # the last part has the date checked
    text_from(sms, number, "MORE")  # nothing is left: said so, not taken as a question
    assert replies_to(sms, number, len(parts) + 1)[-1] == "هذا كل الجواب. اكتب سؤالك التالي."
    arabic = library().answer("NL", "pathways_work").text["ar"]
    assert arabic.split("،")[0] in first


def test_the_same_message_delivered_twice_is_answered_once(sms):
    number = new_number()
    for _ in range(3):
        text_from(sms, number, "thank you", sid="SMduplicate" + number[-7:])
    replies_to(sms, number)
    time.sleep(2)
    assert len(replies_to(sms, number, timeout=0)) == 1


def test_one_persons_messages_are_answered_in_order(sms):
    number = new_number()
    text_from(sms, number, "how do i get a work visa for the netherlands")
    text_from(sms, number, "thank you")
    text_from(sms, number, "goodbye")
    replies = replies_to(sms, number, 3)
    assert replies[0].startswith("From outside the EU/EEA")
    assert replies[1].startswith("You are welcome")
    assert replies[2].startswith("Goodbye")


def test_twilio_429_and_500_are_tried_again_and_the_message_arrives(sms):
    number = new_number()
    sms.twilio.fail_next.extend([429, 500])
    text_from(sms, number, "thank you")
    assert replies_to(sms, number) == ["You are welcome. Stay safe.\nTo change the language, write LANGUAGE."]


def test_a_number_twilio_says_opted_out_is_not_tried_again(sms):
    number = new_number()
    sms.twilio.opted_out.add(number)
    before = sms.twilio.requests
    text_from(sms, number, "thank you")
    time.sleep(3)
    assert sms.twilio.requests - before == 1  # one attempt, no retry of a 4xx
    log = sms.log_path.read_text()
    assert "error 21610" in log and number not in log


def test_stop_silences_the_number_until_start(sms):
    number = new_number()
    text_from(sms, number, "STOP")
    [confirmation] = replies_to(sms, number)
    assert "START" in confirmation
    text_from(sms, number, "how do i apply for asylum")
    time.sleep(3)
    assert len(replies_to(sms, number, timeout=0)) == 1
    text_from(sms, number, "start")
    assert len(replies_to(sms, number, 2)) == 2
    text_from(sms, number, "thank you")
    assert replies_to(sms, number, 3)[2].startswith("You are welcome")


def test_numbered_choices_map_back_to_the_buttons(sms):
    number = new_number()
    text_from(sms, number, "language")
    [menu] = replies_to(sms, number)
    assert "\n2 العربية" in menu and "\n10 Soomaali" in menu
    text_from(sms, number, "2")
    reply = replies_to(sms, number, 2)[1]
    assert reply.startswith("حسنا")  # "OK, I will answer in Arabic" in Arabic


def test_the_phone_number_reaches_neither_the_tracker_store_nor_the_logs(sms):
    number = new_number()
    text_from(sms, number, "my name is Amina and I need a lawyer in the netherlands")
    replies_to(sms, number)
    with sqlite3.connect(sms.tracker_db) as db:
        rows = db.execute("select sender_id, data from events").fetchall()
    assert rows and not any(number in sender or number in data for sender, data in rows)
    assert all(sender.startswith("sms-") for sender, _ in rows)
    assert number not in sms.log_path.read_text()


def test_the_webhook_answers_in_under_50_ms_while_the_turns_queue_up(sms):
    number = new_number()
    text_from(sms, number, "hello")  # the first turn of a person also loads their conversation
    latencies = []
    for question in ["how do i get a work visa for the netherlands", "how do i apply for asylum in greece",
                     "legal aid in lahore", "thank you", "goodbye"]:
        started = time.perf_counter()
        status, _ = text_from(sms, number, question)
        latencies.append(time.perf_counter() - started)
        assert status == 200
    assert len(replies_to(sms, number, 6)) == 6  # every turn was still handled, after its acknowledgement
    assert max(latencies) < 0.05, latencies


def whatsapp_number():
    return "whatsapp:" + new_number()


def test_whatsapp_replies_come_from_our_whatsapp_number_whole_and_with_direction_isolates(sms):
    number = whatsapp_number()
    text_from(sms, number, "كيف احصل على فيزا عمل في هولندا")
    [reply] = replies_to(sms, number)
    sent = [m for m in sms.twilio.sent if m["To"] == number][0]
    assert sent["From"] == "whatsapp:" + OUR_NUMBER
    assert "MORE" not in reply  # not cut into SMS parts
    assert "\u2066" in reply    # numbers and addresses isolated for display


def test_whatsapp_media_without_text_gets_a_polite_text_only_reply(sms):
    number = whatsapp_number()
    post(sms, {"From": number, "To": "whatsapp:" + OUR_NUMBER, "Body": "", "NumMedia": "1",
               "MediaContentType0": "audio/ogg", "MessageSid": f"SM{uuid.uuid4().hex}"})
    assert replies_to(sms, number) == ["I can only read text. Please write your question in words."]


def test_a_shared_whatsapp_location_finds_the_nearest_service_points(sms):
    number = whatsapp_number()
    near_lahore = {"Latitude": "31.5204", "Longitude": "74.3587", "Address": "", "Label": ""}
    post(sms, {"From": number, "To": "whatsapp:" + OUR_NUMBER, "Body": "", "MessageSid": f"SM{uuid.uuid4().hex}",
               **near_lahore})
    [reply] = replies_to(sms, number)
    lines = reply.splitlines()
    assert lines[0] == "Nearest places to you:"
    lahore_points = [p.name for p in library().service_points("PK")
                     if p.city == "Lahore" and "services_info_point" in p.serves]
    assert lahore_points and any(lines[1].startswith(f"1. {name} - ") for name in lahore_points)
