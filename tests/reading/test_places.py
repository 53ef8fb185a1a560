"""Known places and nationalities: which pairs conflict, which nest."""
from __future__ import annotations

import pytest

from verify.reading.places import (
    elsewhere,
    known_places,
    place_stated_by,
    places_conflict,
    reversed_routes,
    routes,
)


def test_two_countries_conflict():
    assert places_conflict("france", "nigeria")


def test_region_and_its_country_do_not_conflict():
    assert not places_conflict("ontario", "canada")


def test_demonym_and_its_country_do_not_conflict():
    assert not places_conflict("thai", "thailand")


def test_english_is_british():
    assert not places_conflict("english", "british")


def test_two_regions_of_one_country_conflict():
    assert places_conflict("ontario", "quebec")


def test_continental_demonym_conflicts_with_nothing():
    assert not places_conflict("european", "french")


def test_unknown_place_conflicts_with_nothing():
    assert not places_conflict("sheffield", "england")


def test_multiword_names_are_read_whole():
    assert [n for _, _, n in known_places("born in the united kingdom".split())] == ["united kingdom"]


def test_person_names_that_are_also_places_are_not_places():
    assert known_places("george washington was president".split()) == []


def test_passage_about_another_country_is_elsewhere():
    assert elsewhere("deaths in mexico".split(), "france has reported deaths".split())


def test_passage_naming_the_claims_country_is_not_elsewhere():
    assert not elsewhere("deaths in mexico".split(), "mexico and france reported deaths".split())


def test_nationality_states_its_country():
    assert place_stated_by("thailand", "thai")


def test_country_does_not_state_a_region_inside_it():
    assert not place_stated_by("england", "britain")


def test_region_states_its_country():
    assert place_stated_by("united kingdom", "english")


@pytest.mark.parametrize("text, route", [
    ("The ferry sails from Dover to Calais twice a day.", ("dover", "calais")),
    ("a flight from the Kenyan port city of Mombasa to Nairobi", ("mombasa", "nairobi")),
    ("He moved from New York to Los Angeles in 1990.", ("new york", "los angeles")),
])
def test_a_journey_is_read_with_its_two_ends_in_order(text, route):
    assert [r[:2] for r in routes(text)] == [route]


def test_a_journey_given_the_other_way_round_is_reversed_and_the_same_way_is_not():
    passage = "The ferry sails from Dover to Calais twice a day."
    assert reversed_routes("The ferry sails from Calais to Dover.", passage) == [
        ("from Calais to Dover", "from Dover to Calais")]
    assert reversed_routes("The ferry sails from Dover to Calais.", passage) == []


def _governed(claim: str, passage: str) -> list[tuple[str, str]]:
    from verify.reading.facts import read_facts
    from verify.reading.places import governed_slots
    from verify.text import token_match

    c, p = read_facts(claim), read_facts(passage)
    return governed_slots(c.words, c.entities, p.words, p.entities, token_match)


@pytest.mark.parametrize("claim, passage, pair", [
    ("The governor of Ardenia, Lia Moss, opened the bridge.",
     "The governor of Belmora, Lia Moss, opened the bridge.", ("ardenia", "belmora")),
    ("Tom Reed played for Kestrel United last season.",
     "Tom Reed played for Harbor City last season.", ("kestrel united", "harbor city")),
])
def test_two_names_governed_by_the_same_word_and_preposition_fill_one_slot(claim, passage, pair):
    assert _governed(claim, passage) == [pair]


@pytest.mark.parametrize("claim, passage", [
    # the same preposition under another word: two facts, not one slot
    ("Tom Reed flew to Ardenia.", "Tom Reed was born in Belmora."),
    # the subject is no prepositional slot: two people may each do it
    ("Lia Moss opened the bridge.", "Tom Reed opened the bridge."),
    # a name the passage also gives is stated, whatever else it names
    ("The governor of Ardenia met Lia Moss.", "The governor of Ardenia met the governor of Belmora."),
])
def test_names_in_other_slots_are_not_one_slot(claim, passage):
    assert _governed(claim, passage) == []
