"""SMS through Twilio, end to end: the real Rasa and action servers with the SMS channel, a
loopback Twilio API, and webhooks signed as Twilio signs them."""
import sqlite3
import time
import uuid

import pytest

from actions.content_lookup import library
from actions.i18n import translator
from channels.sms_text import encoding
from tests.e2e.sms import MESSAGES_PER_MINUTE, OUR_NUMBER, Phone, new_number, post, replies_to, sms_stack, text_from

pytestmark = pytest.mark.slow


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
    welcome, first = replies_to(sms, number, 2)  # first contact: the welcome comes as an SMS of its own
    assert welcome.startswith("Hello! I give checked information") and encoding(welcome).segments <= 3
    assert first.startswith(library().answer("NL", "pathways_work").text["en"])
    assert encoding(first).segments <= 3 and encoding(first).name == "GSM-7"


def test_a_long_answer_is_cut_at_a_sentence_and_more_sends_the_rest(sms):
    phone = Phone(sms)
    welcome, first = phone.send("كيف احصل على فيزا عمل في هولندا", replies=2)
    assert encoding(welcome).segments <= 3 and encoding(welcome).name == "UCS-2"
    assert encoding(first).segments <= 3 and encoding(first).name == "UCS-2"
    assert "MORE" in first.splitlines()[-1]  # "Reply MORE for the rest", in Arabic
    assert not any(ch in first for ch in "\u200e\u200f\u2066\u2067\u2068\u2069")  # no direction marks on SMS
    parts = [first] + phone.send("MORE")
    assert encoding(parts[1]).segments <= 3
    while "MORE" in parts[-1].splitlines()[-1]:
        parts += phone.send("more")
    assert any("تم التحقق" in part for part in parts)  # the date checked, before the follow-ups
    assert phone.send("MORE") == ["هذا كل الجواب. اكتب سؤالك التالي."]  # nothing is left: said so
    arabic = library().answer("NL", "pathways_work").text["ar"]
    assert arabic.split("،")[0] in first


def test_the_same_message_delivered_twice_is_answered_once(sms):
    number = new_number()
    for _ in range(3):
        text_from(sms, number, "thank you", sid="SMduplicate" + number[-7:])
    replies_to(sms, number, 2)
    time.sleep(2)
    assert len(replies_to(sms, number, timeout=0)) == 2  # the welcome and the one answer


def test_one_persons_messages_are_answered_in_order(sms):
    number = new_number()
    text_from(sms, number, "how do i get a work visa for the netherlands")
    text_from(sms, number, "thank you")
    text_from(sms, number, "goodbye")
    replies = replies_to(sms, number, 4)
    assert replies[0].startswith("Hello!")
    assert replies[1].startswith("From outside the EU/EEA")
    assert replies[2].startswith("You are welcome")
    assert replies[3].startswith("Goodbye")


def test_twilio_429_and_500_are_tried_again_and_the_message_arrives(sms):
    phone = Phone(sms).greeted()
    sms.twilio.fail_next.extend([429, 500])
    assert phone.send("thank you") == ["You are welcome. Stay safe."]


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
    phone = Phone(sms).greeted()
    [confirmation] = phone.send("STOP")
    assert "START" in confirmation
    text_from(sms, phone.number, "how do i apply for asylum")
    time.sleep(3)
    assert len(replies_to(sms, phone.number, timeout=0)) == phone.received
    assert phone.send("start") == ["You will get messages again. Write your question."]
    assert phone.send("thank you")[0].startswith("You are welcome")


def test_someone_who_wrote_stop_and_then_writes_that_they_are_in_danger_gets_the_numbers(sms):
    phone = Phone(sms).greeted()
    phone.send("STOP")
    [numbers] = phone.send("please help they are beating me")
    assert "in danger now" in numbers.splitlines()[0]


def test_numbered_choices_map_back_to_the_buttons(sms):
    phone = Phone(sms)
    [menu] = phone.send("language")
    assert "\n2 العربية" in menu and "\n10 Soomaali" in menu
    welcome, reply = phone.send("2", replies=2)  # the welcome, in the language chosen
    assert welcome.startswith("مرحبا") and reply.startswith("حسنا")  # "OK, I will answer in Arabic"


def test_the_phone_number_reaches_neither_the_tracker_store_nor_the_logs(sms):
    number = new_number()
    text_from(sms, number, "my name is Amina and I need a lawyer in the netherlands")
    replies_to(sms, number, 2)
    with sqlite3.connect(sms.tracker_db) as db:
        rows = db.execute("select sender_id, data from events").fetchall()
    assert rows and not any(number in sender or number in data for sender, data in rows)
    assert all(sender.startswith("sms-") for sender, _ in rows)
    assert number not in sms.log_path.read_text()
    assert not any("Amina" in data for _, data in rows)  # what people write is not kept either


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
    answered_by_then = len(replies_to(sms, number, timeout=0))
    assert len(replies_to(sms, number, 7)) == 7  # every turn was still handled (and the welcome sent)
    assert answered_by_then < 7  # the webhooks were answered while turns were still being worked out
    assert max(latencies) < 0.05, latencies


def test_a_restart_loses_neither_the_rest_of_an_answer_nor_its_options_nor_which_messages_were_handled(
        trained_model, tmp_path):
    number, question = new_number(), "كيف احصل على فيزا عمل في هولندا"
    with sms_stack(trained_model, tmp_path) as before:
        text_from(before, number, question, sid="SMbeforeTheRestart")
        welcome, first = replies_to(before, number, 2)
        assert "MORE" in first.splitlines()[-1]
    with sms_stack(trained_model, tmp_path) as after:  # the same assistant, started again
        text_from(after, number, question, sid="SMbeforeTheRestart")  # Twilio delivers it again: no answer
        phone = Phone(after, number)
        rest = phone.send("MORE")[0]  # the next part, not a new answer
        assert rest != first and "MORE" in rest.splitlines()[-1]  # the channel's words still in Arabic
        while "MORE" in rest.splitlines()[-1]:
            rest = phone.send("MORE")[0]
        assert "1 نعم 2 لا" in rest  # the feedback question at the end of the answer...
        assert phone.send("2") == [translator("ar")("Thank you. We will use this to improve the answers. "
                                                    "Write 0 for the menu.")]  # ...whose options still count


def test_with_the_action_server_down_danger_still_gets_the_emergency_advice_and_nobody_gets_silence(
        trained_model, tmp_path):
    with sms_stack(trained_model, tmp_path) as stack:
        actions = stack.processes[0]
        actions.terminate()
        actions.wait(timeout=20)
        [numbers] = Phone(stack).send("مرا میزنند، کمک کنید")  # Dari: "they are beating me, help"
        advice = library().profile(None).emergency_advice["fa"]
        assert numbers.startswith(advice.strip()) and "112" in numbers
        assert numbers.endswith(translator("fa")("Sorry, I cannot answer right now. Please write again in a few "
                                                 "minutes."))
        assert "MORE" not in numbers  # danger: sent whole
        assert Phone(stack).send("how do i get a work visa for the netherlands") == [
            "Sorry, I cannot answer right now. Please write again in a few minutes."]
        assert "میزنند" not in stack.log_path.read_text()  # the message is not in the logs either


def test_a_flood_from_one_phone_is_told_once_then_not_answered_but_danger_and_stop_still_are(sms):
    phone = Phone(sms)
    phone.send("hello", replies=2)
    for _ in range(MESSAGES_PER_MINUTE - 1):  # so many messages in a minute are answered
        assert phone.send("MORE") == ["That was the whole answer. Write your next question."]
    assert phone.send("MORE") == ["You are writing very fast. Wait a minute, then write again."]
    for _ in range(5):
        text_from(sms, phone.number, "MORE")  # not answered: nothing feeds a loop
    [numbers] = phone.send("please help they are beating me")
    assert numbers.startswith("If you or someone with you is in danger now")
    assert phone.send("STOP") == ["You will get no more messages from us. Write START to start again."]
    assert Phone(sms).send("hello", replies=2)  # another phone is not held back


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
    welcome, nearest = reply.split("\n\n")[:2]  # one WhatsApp message: the welcome, then the places
    assert welcome.startswith("Hello!")
    lines = nearest.splitlines()
    assert lines[0] == "Nearest places to you:"
    lahore_points = [p.name for p in library().service_points("PK")
                     if p.city == "Lahore" and "services_info_point" in p.serves]
    assert lahore_points and any(lines[1].startswith(f"1. {name} - ") for name in lahore_points)
