"""Country names (from CLDR, plus the aliases people use) become ISO codes."""
import pytest

from bot.components.countries import country_names


@pytest.mark.parametrize("text, codes", [
    ("how do i get a work visa for the netherlands", ["NL"]),
    ("Netherlands", ["NL"]),
    ("holland", ["NL"]),
    ("NL", ["NL"]),
    ("i want to go from pakistan to germany", ["PK", "DE"]),
    ("Türkiye", ["TR"]),
    ("turkiye", ["TR"]),
    ("turkey", ["TR"]),
    ("working in dubai", ["AE"]),
    ("im in the united kingdom now", ["GB"]),
    ("south africa", ["ZA"]),
    ("papua new guinea", ["PG"]),
    ("guinea", ["GN"]),
    ("Côte d’Ivoire", ["CI"]),
    ("ivory coast", ["CI"]),
])
def test_names_become_codes(text, codes):
    assert [m.code for m in country_names().find(text)] == codes


@pytest.mark.parametrize("text", ["no", "in", "it", "ok", "hello", "i need a doctor", "NO", "netherlandss"])
def test_words_that_are_no_country(text):
    assert country_names().find(text) == []


def test_the_mention_points_at_the_words_in_the_message():
    text = "visa for The Netherlands please"
    [mention] = country_names().find(text)
    assert text[mention.start:mention.end] == "Netherlands"


@pytest.mark.parametrize("text, code", [
    ("the netherlands", "NL"), ("NL", "NL"), ("holland", "NL"), ("im in greece now", "GR"),
    ("i am from Pakistan", "PK"),
])
def test_a_message_that_only_names_a_country(text, code):
    assert country_names().only(text) == code


@pytest.mark.parametrize("text", [
    "how do i get a work visa for the netherlands",  # a question that names a country
    "from pakistan to germany",                       # two countries
    "hello",
])
def test_a_question_is_not_just_a_country(text):
    assert country_names().only(text) is None


@pytest.mark.parametrize("name", ["آلمان", "ጀርመን", "Jarmalka", "জার্মানি", "ألمانيا", "بألمانيا", "جرمنی", "المان",
                                  "Allemagne", "Alemania", "Germany", "জার্মানিতে"])
def test_germany_is_recognised_in_every_script_and_with_joined_endings(name):
    assert country_names().only(name) == "DE"
