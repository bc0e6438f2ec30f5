"""The service-point directory: the file format, and the nearest points to a city named in any
script or to a shared location."""
import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import content_lookup
from actions.answer_topic import ActionAnswerTopic
from actions.content_loader import ContentInvalid, load_content
from actions.content_lookup import Library
from actions.places import city_centre, find_city
from actions.service_directory import distance_km, nearest
from tests.unit.test_content_loader import GLOBAL_COUNTRY, write_tree

PK_COUNTRY = """\
country: PK
last_reviewed: 2026-01-10
review_by: 2026-12-10
sources:
  - https://example.org/15
emergency:
  - number: "15"
    for:
      en: police
info_point:
  name:
    en: Example Centre
  phone: "0304 1112123"
"""

PK_POINTS = """\
country: PK
last_reviewed: 2026-11-01
review_by: 2027-05-01
points:
  - name: Legal Aid Lahore
    serves: [services_legal_aid]
    address: 1 Mall Road, Lahore
    city: Lahore
    phone: "042 1234567"
    hours: Mon-Fri 9:00-17:00
    languages: [ur, en]
    source: https://example.org/lahore
    verified_on: 2026-11-01
  - name: Legal Aid Islamabad
    serves: [services_legal_aid, services_info_point]
    city: Islamabad
    coordinates: [33.6938, 73.0652]
    source: https://example.org/islamabad
    verified_on: 2026-11-01
  - name: Migrant Resource Centre Lahore
    serves: [services_info_point]
    city: Lahore
    source: https://example.org/mrc
    verified_on: 2026-11-01
"""


@pytest.fixture
def content(tmp_path):
    return load_content(write_tree(tmp_path, {"global/country.yml": GLOBAL_COUNTRY, "PK/country.yml": PK_COUNTRY,
                                              "PK/service_points.yml": PK_POINTS}))


def test_points_load_with_their_details(content):
    first = content.service_points["PK"][0]
    assert (first.name, first.serves, first.city, first.phone, first.languages) == (
        "Legal Aid Lahore", ("services_legal_aid",), "Lahore", "042 1234567", ("ur", "en"))
    assert content.service_points["PK"][1].coordinates == (33.6938, 73.0652)


def test_a_broken_point_is_reported_on_its_line(tmp_path):
    bad = PK_POINTS.replace("serves: [services_legal_aid]\n", "serves: [lawyers]\n", 1).replace(
        "languages: [ur, en]", "languages: [urdu]")
    with pytest.raises(ContentInvalid) as raised:
        load_content(write_tree(tmp_path, {"global/country.yml": GLOBAL_COUNTRY, "PK/country.yml": PK_COUNTRY,
                                           "PK/service_points.yml": bad}))
    assert [str(e) for e in raised.value.errors] == [
        "content/PK/service_points.yml:6: serves in point 1 must list topic ids from bot/topics.yml, e.g. [services_legal_aid]",
        "content/PK/service_points.yml:11: languages in point 1 must list language codes such as en, ar, fa"]


@pytest.mark.parametrize("text", ["legal aid in lahore", "لاہور میں مفت وکیل", "লাহোরে আইনি সহায়তা"])
def test_a_city_is_found_in_any_script(text):
    city = find_city(text, frozenset({"PK"}))
    assert (city.name, city.country) == ("Lahore", "PK")


def test_nearest_by_city_name_puts_the_points_of_that_city_first(content):
    here = find_city("لاہور", frozenset({"PK"})).coordinates
    found = nearest(content.service_points["PK"], here, "services_legal_aid", city_centre)
    assert [item.point.name for item in found] == ["Legal Aid Lahore", "Legal Aid Islamabad"]
    assert found[0].km < 1 and not found[0].exact
    assert 250 < found[1].km < 300 and found[1].exact  # Lahore to Islamabad is about 270 km


def test_nearest_by_coordinates_of_a_shared_location(content):
    near_islamabad = (33.70, 73.05)
    found = nearest(content.service_points["PK"], near_islamabad, "services_info_point", city_centre)
    assert [item.point.name for item in found] == ["Legal Aid Islamabad", "Migrant Resource Centre Lahore"]
    assert found[0].km == pytest.approx(distance_km(near_islamabad, (33.6938, 73.0652)))


async def test_the_assistant_lists_the_nearest_points_for_a_city_or_a_shared_location(content, monkeypatch):
    monkeypatch.setattr(content_lookup, "library", lambda: Library(content))
    monkeypatch.setattr("actions.answer_topic.library", lambda: Library(content))
    slots = {"language": "en", "country": None, "pending_topic": None, "needs_country": None, "welcomed": True}

    def ask(text, metadata=None):
        message = {"text": text, "intent": {"name": "services_legal_aid", "confidence": 0.9}, "entities": [],
                   "intent_ranking": [{"name": "services_legal_aid", "confidence": 0.9}], "metadata": metadata or {}}
        return Tracker("someone", slots, message, [], False, None, {}, "action_listen")

    for tracker in (ask("free lawyer in lahore"), ask("لاہور میں وکیل"),
                    ask("", {"location": {"latitude": 31.56, "longitude": 74.35}})):
        dispatcher = CollectingDispatcher()
        await ActionAnswerTopic().run(dispatcher, tracker, {})
        reply, follow_ups = [m["text"] for m in dispatcher.messages]
        assert follow_ups.endswith("3 Complaints  0 Main menu")
        lines = reply.splitlines()
        assert lines[0] in ("Nearest places to Lahore:", "Nearest places to you:")
        assert lines[1] == "1. Legal Aid Lahore - in Lahore"  # known only by its city, which is near
        assert lines[2] == "042 1234567; Mon-Fri 9:00-17:00; Urdu, English"
        assert lines[3].startswith("2. Legal Aid Islamabad - ") and lines[3].endswith(" km")  # exact coordinates
