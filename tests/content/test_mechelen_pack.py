"""The built-in Mechelen pack: it validates, it is complete, and its key figures are exactly the sources'.

The fact table is the curator's checklist: each row is a figure a source gives, with the
source that gives it. A pack edit that drops or changes one of them fails here.
"""

from __future__ import annotations

import pytest

from zusammenleben.content import load_pack
from zusammenleben.paths import builtin_pack_dir


@pytest.fixture(scope="module")
def pack():
    result = load_pack(builtin_pack_dir())
    assert not result.errors, "\n".join(error.format() for error in result.errors)
    return result.pack


# (indicator, year or label, value, source id)
KEY_FIGURES = [
    ("police-officers", 2001, 200, "spiegel-2018-interview"),
    ("police-officers", 2018, 300, "spiegel-2018-interview"),
    ("cameras", 2018, 256, "spiegel-2018-interview"),
    ("street-festivals", 2001, 2, "spiegel-2018-interview"),
    ("street-festivals", 2018, 200, "spiegel-2018-interview"),
    ("far-right-vote", 2012, 8.7, "spiegel-2018-interview"),
    ("far-right-vote", 2000, 25, "somers-oped"),
    ("far-right-vote", 2016, 10, "somers-oped"),
    ("nationalities", 2016, 128, "somers-oped"),
    ("nationalities", 2017, 130, "news-world-mayor"),
    ("nationalities", 2018, 138, "spiegel-2018-interview"),
    ("population", 2016, 84000, "somers-oped"),
    ("population", 2017, 90000, "news-world-mayor"),
    ("population", 2018, 86000, "spiegel-2018-interview"),
    ("incidents-2001", "Aufgebrochene Autos", 1500, "spiegel-2018-interview"),
    ("incidents-2001", "Überfallene Seniorinnen und Senioren", 700, "spiegel-2018-interview"),
    ("crime-change", "Straßenkriminalität", -75, "spiegel-2018-interview"),
    ("crime-change", "Wohnungseinbrüche 2000–2015", -55, "spiegel-2018-interview"),
    ("is-departures", "Brüssel", 200, "spiegel-2018-interview"),
    ("is-departures", "Antwerpen", 93, "spiegel-2018-interview"),
    ("is-departures", "Vilvoorde", 27, "spiegel-2018-interview"),
    ("is-departures", "Mechelen", 0, "somers-oped"),
    ("is-departures", "Mechelen", 0, "spiegel-2018-interview"),
    ("muslim-share", 2016, 20, "somers-oped"),
]


@pytest.mark.parametrize(("indicator", "key", "value", "source"), KEY_FIGURES,
                         ids=[f"{row[0]}-{row[1]}-{row[3]}" for row in KEY_FIGURES])
def test_key_figure_is_in_the_pack_with_its_source(pack, indicator, key, value, source):
    points = [p for p in pack.indicator(indicator).points if p.key == key and p.source == source]
    assert [p.value for p in points] == [value]


def test_disagreeing_sources_are_all_kept(pack):
    """84,000 or 90,000 inhabitants, 128, 130 or 138 nationalities: the pack keeps every value."""
    population = {p.value for p in pack.indicator("population").points if p.key in (2016, 2017, 2018)}
    assert {84000, 90000, 86000} <= population
    nationalities = {p.value for p in pack.indicator("nationalities").points}
    assert {128, 130, 138} <= nationalities
    assert pack.indicator("far-right-vote").disagreements(), "2000: a quarter or a third, both shown"


def test_every_point_and_event_names_a_source_that_exists(pack):
    known = {source.id for source in pack.sources}
    for indicator in pack.indicators:
        assert all(point.source in known for point in indicator.points), indicator.id
    for event in pack.events:
        assert event.sources and set(event.sources) <= known, event.id


def test_chapters_are_a_complete_tour(pack):
    assert 7 <= len(pack.chapters) <= 10
    for chapter in pack.chapters:
        assert chapter.title and chapter.lead and chapter.body, chapter.id
        assert chapter.quote is not None and chapter.quote.source, chapter.id
        assert 2 <= len(chapter.questions) <= 3, chapter.id
        assert chapter.teacher_notes, chapter.id
        assert chapter.sources, chapter.id
    with_criticism = [c for c in pack.chapters if any(p.criticism for p in c.perspectives)]
    assert len(with_criticism) >= len(pack.chapters) - 1, "a counter-view wherever the sources give one"


def test_the_controversy_is_shown(pack):
    """Zero tolerance and surveillance are presented with their critics, not only with praise."""
    texts = " ".join(
        " ".join([*chapter.body, *(p.criticism for p in chapter.perspectives)]) for chapter in pack.chapters
    )
    for phrase in ("Mr. Zero Tolerance", "Videoüberwachung", "Kritik"):
        assert phrase in texts, phrase


EVENTS = {
    "somers-mayor": "2001",
    "minister-president": "2003",
    "party-chair": "2004",
    "election-2006": "2006",
    "election-2012": "2012",
    "election-2018": "2018",
    "election-2024": "2024",
    "giants-amir-noa": "2013",
    "charlie-hebdo-gathering": "2015",
    "world-mayor": "2017",
    "book-zusammen-leben": "2018",
    "flemish-minister": "2019",
}


def test_the_timeline_has_the_milestones(pack):
    events = {event.id: event for event in pack.events}
    for event_id, year in EVENTS.items():
        assert event_id in events, event_id
        assert events[event_id].date.start.year == int(year), event_id
    assert events["world-mayor"].date.start.month == 2


def test_all_thirteen_partnerships_of_the_survey(pack):
    assert len(pack.partnerships) == 13
    assert sum(1 for p in pack.partnerships if p.municipality.startswith("Enzkreis")) == 2
    assert {p.aspect for p in pack.partnerships} <= {"a", "b", "c", "unknown"}
    for partnership in pack.partnerships:
        assert partnership.period_raw or partnership.period is None, partnership.id
        for partner in partnership.partners:
            place = pack.place(partner.place)
            assert len(place.country) == 2 and place.country.isupper(), partner
    lauingen = next(p for p in pack.partnerships if p.municipality.startswith("Lauingen"))
    names = {pack.place(partner.place).name for partner in lauingen.partners}
    assert "Telšiai" in names, "corrected from the table's 'Teslsiai'"


def test_glossary_has_enough_terms(pack):
    assert len(pack.glossary) >= 20


# -- the voices that were missing (issue 15) ------------------------------------------------------


def _perspectives(pack):
    return [(chapter, p) for chapter in pack.chapters for p in chapter.perspectives]


def test_every_perspective_names_a_claimant_and_another_critic(pack):
    for chapter, perspective in _perspectives(pack):
        assert perspective.claimant and perspective.critic, chapter.id
        assert perspective.claimant.casefold() != perspective.critic.casefold(), (chapter.id, perspective.claim[:40])


@pytest.mark.parametrize(("who", "side", "source"), [
    ("sp.a Mechelen (Fraktionsvorsitzende Caroline Gennez)", "critic", "standaard-2016-terror-tip"),
    ("Gazet van Antwerpen (Kommentar von Kris Vanmarsenille)", "critic", "gva-2016-police-racism"),
    ("sp.a Mechelen (Johan De Vleeshouwer)", "critic", "spa-rents"),
    ("Caroline Gennez (sp.a)", "critic", "hln-spa-immo"),
    ("Vlaams Belang (Parteivorsitzender Tom Van Grieken)", "claimant", "hln-2018-vb-programme"),
    ("Vlaams Belang (Abgeordnete Annick Ponthier)", "critic", "pallieterke-2019-ponthier"),
    ("Einwohnerinnen (Reportage der Bertelsmann Stiftung)", "claimant", "bertelsmann-2018-change"),
    ("Bewohner des Aufnahmezentrums (2019)", "claimant", "hln-2019-reception"),
])
def test_the_missing_voices_speak_with_their_own_source(pack, who, side, source):
    """Opposition, far right, residents and newcomers: each voice cited to a page outside the seeds."""
    found = [p for _chapter, p in _perspectives(pack) if getattr(p, side) == who]
    assert found, who
    perspective = found[0]
    assert (perspective.claim_source if side == "claimant" else perspective.criticism_source) == source
    cited = pack.source(source)
    assert not cited.in_seeds and cited.note.startswith(pack.outside_seeds_marker)
    assert cited.url.startswith("http") and cited.publication not in ("", "—")


def test_sources_outside_the_seeds_say_so_and_give_an_address_or_why_not(pack):
    assert pack.outside_seeds_marker == "Außerhalb der Quelltexte"
    for source in pack.sources:
        assert source.in_seeds == bool(source.seed), source.id
        if not source.in_seeds:
            assert source.note.startswith("Außerhalb der Quelltexte"), source.id


def test_somers_book_is_named_with_both_titles(pack):
    book = pack.source("somers-book")
    assert "Samen leven" in book.title and "Zusammen leben" in book.title
    event = next(e for e in pack.events if e.id == "book-zusammen-leben")
    assert "„Samen leven“" in event.text and "„Zusammen leben" in event.text
    assert {"somers-book", "gva-2017-book", "hln-2018-book-de"} <= set(event.sources)


@pytest.mark.parametrize("term_id", [
    "far-right", "populism", "gentrification", "inburgering", "law-and-order", "caliphate", "eurodistrict",
    "unaccompanied-minors", "guest-workers",
])
def test_glossary_terms_for_the_voices_with_flemish_usage(pack, term_id):
    term = pack.term(term_id)
    assert any(word in term.definition for word in ("Flandern", "Niederländisch", "Belgien", "belgisch"))
    assert any(term_id in chapter.glossary for chapter in pack.chapters), "the term is used in a chapter"


def test_inburgering_is_not_naturalisation(pack):
    definition = pack.term("inburgering").definition
    assert "nicht „Einbürgerung“" in definition and "naturalisatie" in definition


def test_every_chapter_has_goals_and_leveled_tasks(pack):
    operators = ("Nennt", "Erklärt", "Vergleicht", "Beurteilt", "Beschreibt")
    for chapter in pack.chapters:
        assert 1 <= len(chapter.goals) <= 2, chapter.id
        assert chapter.tasks, chapter.id
        for task in chapter.tasks:
            assert task.text.startswith(operators), task.text[:30]
            assert task.level in (1, 2, 3)
    levels = {task.level for chapter in pack.chapters for task in chapter.tasks}
    assert levels == {1, 2, 3}


def test_a_task_compares_the_mayor_with_an_independent_source(pack):
    """At least one task puts Somers' own words next to a source that is not his and not a party's."""
    independent = {"vrt-2018-elections", "election-2012", "schoolinzicht", "city-population"}
    mayor = {"somers-oped", "spiegel-2018-interview"}
    compare = [task for chapter in pack.chapters for task in chapter.tasks
               if task.text.startswith("Vergleicht") and set(task.sources) & mayor]
    assert any(set(task.sources) & independent for task in compare)
