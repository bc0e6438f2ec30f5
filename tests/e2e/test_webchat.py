"""The web chat page in a real headless Chromium (Debian's, driven by Playwright): a phone-sized
screen, a question and its answer, the language menu, and the page turning right to left."""
import shutil

import pytest

from actions.content_lookup import library
from actions.paths import ROOT

pytestmark = pytest.mark.slow

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"])
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, assistant):
    context = browser.new_context(viewport={"width": 360, "height": 740}, device_scale_factor=2, is_mobile=True,
                                  has_touch=True)
    page = context.new_page()
    page.goto(f"{assistant.rasa_url}/webhooks/webchat/chat")
    yield page
    context.close()


def bot_messages(page):
    return page.locator(".msg.bot").all_inner_texts()


def test_the_page_is_small_and_fits_a_360_px_phone(assistant, page):
    import urllib.request

    with urllib.request.urlopen(f"{assistant.rasa_url}/webhooks/webchat/chat") as answer:
        assert len(answer.read()) < 50_000
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360
    for target in page.locator("button, input").all():
        box = target.bounding_box()
        assert box["height"] >= 44, target.get_attribute("aria-label") or target.inner_text()


def test_a_question_typed_with_the_keyboard_gets_its_answer(page):
    page.keyboard.press("Tab")  # the language button
    page.keyboard.press("Tab")  # the message box
    page.keyboard.type("how do i get a work visa for the netherlands")
    page.keyboard.press("Enter")
    page.locator(".msg.bot").nth(1).wait_for(timeout=30_000)
    welcome, answer = bot_messages(page)[:2]
    assert welcome.startswith("Hello!")  # first contact: what the assistant is, before the answer
    assert answer.startswith(library().answer("NL", "pathways_work").text["en"])
    assert page.evaluate("document.documentElement.dir") == "ltr"


def test_the_language_menu_switches_to_arabic_and_the_layout_turns_right_to_left(page):
    page.get_by_role("button", name="Language").click()
    arabic = page.get_by_role("button", name="العربية")
    arabic.wait_for(timeout=30_000)
    assert page.locator(".choices button").count() == 10
    arabic.click()
    page.locator("html[dir=rtl]").wait_for(state="attached", timeout=30_000)
    page.locator("#text").fill("كيف احصل على فيزا عمل في هولندا")
    page.locator("#text").press("Enter")
    arabic_answer = library().answer("NL", "pathways_work").text["ar"][:40]
    page.locator(".msg.bot", has_text=arabic_answer).first.wait_for(timeout=30_000)
    assert any(text.startswith(arabic_answer) for text in bot_messages(page))
    # Right to left: the assistant's bubbles sit on the right, and the page is not wider than the phone.
    bubble = page.locator(".msg.bot").last.bounding_box()
    assert bubble["x"] + bubble["width"] > 340 and bubble["x"] > 20
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    shot = ROOT / "var" / "test-artifacts" / "webchat-arabic.png"  # kept after the run, for people to look at
    shot.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000
    print(f"screenshot: {shot}")


def test_the_page_speaks_the_browsers_language_and_starts_right_to_left_for_dari(browser, assistant):
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="fa-AF")
    page = context.new_page()
    page.goto(f"{assistant.rasa_url}/webhooks/webchat/chat")
    assert page.evaluate("document.documentElement.dir") == "rtl"
    assert page.title() == "معلومات در باره مهاجرت مصون"
    assert page.locator("#text").get_attribute("placeholder") == "سوال تان را بنویسید"
    page.get_by_role("button", name="زبان").click()
    page.get_by_role("button", name="English").wait_for(timeout=30_000)
    context.close()


def test_a_number_typed_chooses_from_the_menu_shown_as_on_sms(page):
    page.locator("#text").fill("menu")
    page.locator("#text").press("Enter")
    page.locator(".msg.bot", has_text="6 Talk to a person").first.wait_for(timeout=30_000)
    page.locator("#text").fill("3")
    page.locator("#text").press("Enter")
    page.locator(".msg.bot", has_text="Risks and scams:").first.wait_for(timeout=30_000)
    assert bot_messages(page)[-1].startswith("Risks and scams:\n1 Irregular travel")


def post_to_chat(assistant, body: bytes):
    import json
    import urllib.error
    import urllib.request

    request = urllib.request.Request(f"{assistant.rasa_url}/webhooks/webchat/webhook", data=body,
                                     headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=30) as answer:
            return answer.status, json.loads(answer.read())
    except urllib.error.HTTPError as refused:
        return refused.code, json.loads(refused.read())


def test_the_chat_webhook_answers_a_message_and_refuses_what_is_not_one(assistant):
    import json

    status, replies = post_to_chat(assistant, json.dumps({"sender": "web-chat-test", "message":
                                                          "how do i get a work visa for the netherlands"}).encode())
    assert status == 200
    assert any(library().answer("NL", "pathways_work").text["en"] in reply.get("text", "") for reply in replies)
    for junk in [b"", b"not json", b"[1, 2]", b'{"message": "hello"}', b'{"sender": "", "message": "hi"}',
                 b'{"sender": "web-1", "message": 42}', json.dumps({"sender": "x" * 500, "message": "hi"}).encode()]:
        status, refused = post_to_chat(assistant, junk)
        assert status == 400 and '"sender"' in refused["error"], junk


def test_a_page_closed_in_the_middle_of_a_turn_lets_it_end_and_leaves_the_words_out_of_the_logs(assistant):
    import json
    import socket
    import time
    import urllib.parse
    import urllib.request

    sender, words = "web-closed-page", "my name is Zarghuna and I need a lawyer in germany"
    body = json.dumps({"sender": sender, "message": words}).encode()
    address = urllib.parse.urlsplit(assistant.rasa_url)
    with socket.create_connection((address.hostname, address.port)) as connection:
        connection.sendall(b"POST /webhooks/webchat/webhook HTTP/1.1\r\nHost: chat\r\nContent-Type: application/json\r\n"
                           b"Content-Length: %d\r\n\r\n" % len(body) + body)
        time.sleep(0.05)  # the page is closed before the answer comes
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        with urllib.request.urlopen(f"{assistant.rasa_url}/conversations/{sender}/tracker") as answer:
            events = json.loads(answer.read())["events"]
        if any(event["event"] == "bot" for event in events):
            break
        time.sleep(0.5)
    assert any(event["event"] == "bot" for event in events)  # the turn was not cut off half-way
    assert "Zarghuna" not in assistant.log_path.read_text()
