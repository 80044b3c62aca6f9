"""The fact-check of issue 15: every corrected fact of the Mechelen pack, pinned.

Each test names the finding it pins and fails on the text the pack had before the correction
(a slip that comes back in an edit fails here). The sources are the five seed documents and the
public pages listed in sources.toml as outside the seeds.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from zusammenleben.content import load_pack
from zusammenleben.paths import builtin_pack_dir

TRANSLATIONS = Path(__file__).resolve().parents[2] / "translations"


@pytest.fixture(scope="module")
def pack():
    result = load_pack(builtin_pack_dir())
    assert not result.errors, "\n".join(error.format() for error in result.errors)
    return result.pack


def _source(pack, source_id):
    return next(source for source in pack.sources if source.id == source_id)


def _event(pack, event_id):
    return next(event for event in pack.events if event.id == event_id)


def _chapter(pack, chapter_id):
    return next(chapter for chapter in pack.chapters if chapter.id == chapter_id)


def _partnership(pack, partnership_id):
    return next(p for p in pack.partnerships if p.id == partnership_id)


def _term(pack, term_id):
    return next(term for term in pack.glossary if term.id == term_id)


def _outside_seed_sources(pack, ids):
    return [source for source in (_source(pack, i) for i in ids) if not source.in_seeds]


def _all_german_texts(pack) -> list[str]:
    texts = [pack.title, pack.subtitle, pack.credits]
    for source in pack.sources:
        texts += [source.title, source.note]
    for chapter in pack.chapters:
        texts += [chapter.title, chapter.lead, *chapter.body]
        texts += [note.text for note in chapter.teacher_notes]
        texts += [q.text for q in chapter.questions] + [q.hint for q in chapter.questions]
        for p in chapter.perspectives:
            texts += [p.claim, p.criticism, p.critic]
        if chapter.quote:
            texts += [chapter.quote.text, chapter.quote.note]
    for event in pack.events:
        texts += [event.title, event.label, event.text]
    for indicator in pack.indicators:
        texts += [indicator.title, indicator.description, indicator.note]
        texts += [point.note for point in indicator.points] + [str(point.key) for point in indicator.points]
    for partnership in pack.partnerships:
        texts += [partnership.project, partnership.description, partnership.note]
    for term in pack.glossary:
        texts += [term.term, term.definition]
    if pack.survey:
        texts += [pack.survey.intro, *pack.survey.findings]
    return [text for text in texts if text]


# ---------------------------------------------------------------- factual (findings 1–6)

def test_1_samen_inburgeren_is_integration_not_naturalisation(pack):
    texts = [_event(pack, "samen-inburgeren").text, _source(pack, "samen-inburgeren").note]
    assert not any("gemeinsam einbürgern" in text for text in texts)
    assert "gemeinsam integrieren" in _event(pack, "samen-inburgeren").text


def test_2_the_prize_theme_is_sourced_not_called_inexact(pack):
    assert "ungenau" not in _source(pack, "news-world-mayor").note
    event = _event(pack, "world-mayor")
    theme = _outside_seed_sources(pack, event.sources)
    assert any("Integration von Immigranten" in source.note for source in theme)
    assert "Aufnahme von Geflüchteten" in event.text


def test_3_borne_is_not_a_neighbour_of_rheine(pack):
    rheine = _partnership(pack, "rheine-borne")
    assert rheine.raw_partners == "Borne (NL)"
    assert "Nachbar" not in rheine.description


def test_4_the_op_eds_28_is_not_labelled_vilvoorde(pack):
    points = pack.indicator("is-departures").points
    vilvoorde = [p for p in points if p.key == "Vilvoorde"]
    assert [(p.value, p.source) for p in vilvoorde] == [(27, "spiegel-2018-interview")]
    (op_ed,) = [p for p in points if p.source == "somers-oped" and p.value == 28]
    assert "Vilvoorde" not in str(op_ed.key)


def test_5_the_gathering_was_a_commemoration_in_mechelen(pack):
    event = _event(pack, "charlie-hebdo-gathering")
    assert "Paris" not in event.label and "Kundgebung" not in event.label + event.title
    assert "Gedenken" in event.label and "Mechelen" in event.title


def test_6_the_survey_values_the_tata_visit_because_of_the_other_views(pack):
    body = " ".join(_chapter(pack, "partnerships").body)
    assert "obwohl man dort" not in body
    assert "gerade weil man dort über Migration ganz anders dachte" in body


# ---------------------------------------------------------------- attribution (7–12)

def test_7_interview_answers_stay_with_their_questions(pack):
    causation = next(p for p in _chapter(pack, "no-departures").perspectives if "Zufall" in p.criticism)
    assert "frage sich das selbst" not in causation.criticism  # that answers "how was it possible"
    liberal = next(p for p in _chapter(pack, "security").perspectives if "allzu liberal" in p.claim + p.criticism)
    assert "allzu liberal" in liberal.claim, "the remark comes before Somers' answer, not as a reply to it"


def test_8_the_enzkreis_quote_is_an_unnamed_participant(pack):
    quote = _chapter(pack, "partnerships").quote
    assert quote.speaker != "Enzkreis"
    assert "ohne seinen Namen" in quote.note
    assert pack.survey.quote.speaker == quote.speaker and "Namen nicht" in pack.survey.quote.note


def test_9_combined_claims_cite_what_they_say(pack):
    for chapter in pack.chapters:
        for p in chapter.perspectives:
            if p.claim_source == "somers-oped":
                assert "Spielplätze" not in p.claim and "256" not in p.claim, p.claim
            if p.claim_source == "portrait-openness":
                assert "dreckigste" not in p.claim, p.claim
    police = next(p for p in _chapter(pack, "security").perspectives if "256" in p.claim)
    assert police.claim_source == "spiegel-2018-interview" and "SPIEGEL-Interview" in police.claim


def test_10_not_all_figures_are_called_somers(pack):
    assert "Alle Zahlen" not in pack.indicator("crime-change").note
    assert "Alle Zahlen" not in pack.indicator("is-departures").note
    assert "Porträt" in pack.indicator("crime-change").note


def test_11_the_glossary_does_not_put_words_in_somers_mouth(pack):
    term = _term(pack, "vlaams-belang")
    assert "Somers nennt sie" not in term.definition
    assert any("Unabhängigkeit Flanderns" in s.note for s in _outside_seed_sources(pack, term.sources))


@pytest.mark.parametrize(("event_id", "day"), [
    ("election-2000", "8. Oktober 2000"), ("election-2006", "8. Oktober 2006"),
    ("election-2012", "14. Oktober"), ("election-2024", "13. Oktober 2024"),
])
def test_12_election_days_have_their_own_outside_source(pack, event_id, day):
    outside = _outside_seed_sources(pack, _event(pack, event_id).sources)
    assert any(day in source.note for source in outside), event_id


def test_12_facts_outside_the_seeds_are_sourced(pack):
    assert "Fachleute aus Nancy" not in _event(pack, "karlsruhe-study-visit").text
    easy = _partnership(pack, "pforzheim-easy-towns").note
    assert "Vicenza vom April 2016 (außerhalb der Quelltexte)" in easy
    assert "Craigavon" in _source(pack, "vicenza-easytowns").note
    assert "außerhalb der Quelltexte" in _partnership(pack, "lauingen-segre-telsiai").note
    assert not _source(pack, "wikipedia-segre").in_seeds
    for event_id in ("fdi-2016", "fdi-2018"):
        assert "fdi-cities" not in _event(pack, event_id).sources
    measures = _source(pack, "trends-2018-fdi")
    assert not measures.in_seeds and "Investoren" in measures.note
    for source in pack.sources:
        if not source.in_seeds:
            assert source.note.startswith("Außerhalb der Quelltexte"), source.id


# ---------------------------------------------------------------- overclaim and narrator's voice (13–21)

def test_13_every_third_is_not_placed_at_a_year(pack):
    indicator = pack.indicator("far-right-vote")
    assert not [p for p in indicator.points if p.source == "spiegel-2018-interview" and p.value > 30]
    assert "jeder Dritte" in indicator.note and "kein Jahr" in indicator.note
    assert "Um das Jahr 2000 wählte ein Viertel bis ein Drittel" not in _chapter(pack, "elections").lead


def test_14_no_invented_starting_idea(pack):
    assert "verwahrlost" not in " ".join(_chapter(pack, "clean-renewal").body)


def test_15_the_surveys_hedges_are_kept(pack):
    findings = " ".join(pack.survey.findings)
    assert "meist" in findings and "überwiegenden Zahl" in findings
    assert "überwiegenden Zahl" in " ".join(_chapter(pack, "partnerships").body)
    europe = " ".join(p.criticism for p in _chapter(pack, "europe").perspectives)
    assert "überwiegenden Zahl" in europe


def test_16_only_the_surveys_own_examples_carry_an_aspect(pack):
    assigned = {p.id: p.aspect for p in pack.partnerships if p.aspect != "unknown"}
    assert assigned == {"enzkreis-oestergoetland": "a", "nuernberg-kavala": "c"}
    rheine = _partnership(pack, "rheine-borne")
    assert "Nach unserer Deutung" in rheine.note


def test_17_spiegel_gave_good_chances_it_did_not_predict(pack):
    text = _event(pack, "election-2018").text
    assert "vorausgesagt" not in text and "gute Chancen" in text


def test_18_somers_claims_are_his(pack):
    assert "nach seinen Worten" in _chapter(pack, "city-2001").lead
    assert _chapter(pack, "security").lead.startswith("Nach eigenen Angaben")
    city = _chapter(pack, "city-2001").body
    assert any(paragraph.startswith("Wer es sich leisten kann, zieht weg, schreibt Somers") for paragraph in city)
    assert any("organisierte Somers nach eigenen Angaben" in p for p in _chapter(pack, "no-departures").body)


def test_19_population_range_has_its_years_and_no_iraq(pack):
    body = " ".join(_chapter(pack, "clean-renewal").body)
    assert "Für die Jahre 2016 bis 2018" in body
    assert "Irak" not in pack.indicator("is-departures").description


def test_20_titles_as_printed(pack):
    assert "Solidarität der Europäer" in _partnership(pack, "niedenstein-saint-germer-de-fly").project
    lauingen = _partnership(pack, "lauingen-segre-telsiai").project + _event(pack, "lauingen-youth-seminar").text
    assert "Informationsbüro" not in lauingen and "Informationszentrum" in lauingen


def test_21_muslim_share_is_in_the_diversity_chapter_only(pack):
    assert "muslim-share" not in _chapter(pack, "no-departures").indicators
    assert "muslim-share" in _chapter(pack, "diversity").indicators
    body = " ".join(_chapter(pack, "no-departures").body)
    assert "20.000 Muslimen" not in body


# ---------------------------------------------------------------- language (22–24)

def test_24_german_wording(pack):
    texts = _all_german_texts(pack)
    assert not [t for t in texts if "sehr kleine" in t]
    assert not [t for t in texts if "Somers'" in t], "Somers’ is written with one apostrophe"
    bodies = [p for chapter in pack.chapters for p in chapter.body]
    assert not [p for p in bodies if "Bundespolizei" in p]


def _nl_strings(domain: str) -> dict[str, str]:
    path = TRANSLATIONS / "nl" / "LC_MESSAGES" / f"{domain}.po"
    with path.open("rb") as handle:
        return {m.id: m.string for m in read_po(handle) if m.id and isinstance(m.string, str)}


def test_22_dutch_titles_and_quote_note():
    nl = _nl_strings("content")
    assert nl["Wie Mechelen gelebte Offenheit umsetzt"].startswith("Wie Mechelen gelebte Offenheit umsetzt (")
    for english in ("Belgian far-right makes strong gains in poll",
                    "Resounding victory for liberal/green list in Mechelen"):
        assert nl[english] == english
    assert "Duitse vertaling" in nl["Zitat in deutscher Übersetzung der Quelle"]
    assert "uit het duits vertaald" in nl["Zitat in deutscher Übersetzung der Quelle"].lower()
    omega = next(k for k in nl if k.startswith("Omega"))
    assert nl[omega].startswith("Omega")


@pytest.mark.parametrize("domain", ["content", "zusammenleben"])
def test_23_one_dutch_term_per_concept(domain):
    text = "\n".join(_nl_strings(domain).values())
    for avoided in ("enquête", "kwart", "inwonertal", "ranglijst", "het Vlaams Belang", "Het Vlaams Belang",
                    "gevluchte mensen", "Nog daar?", "Binnenlands Bestuur en Integratie"):
        assert not re.search(re.escape(avoided), text), avoided
    if domain == "zusammenleben":
        assert _nl_strings(domain)["Still there?"] == "Bent u er nog?"


# ---------------------------------------------------------------- the second reading (review pass)

def test_review_renewal_began_in_problem_quarters_as_somers_says(pack):
    chapter = _chapter(pack, "clean-renewal")
    assert "ärmsten" not in " ".join(chapter.body) + chapter.lead
    assert "Problemvierteln" in " ".join(chapter.body) and chapter.lead.startswith("Nach Somers’ Angaben")


def test_review_the_reports_obstacle_is_international_coordination(pack):
    texts = " ".join(_chapter(pack, "europe").body) + " ".join(
        p.criticism for p in _chapter(pack, "recognition").perspectives)
    assert "zwischen den Staaten" not in texts and "internationale Abstimmung" in texts


def test_review_somers_claims_in_security_and_europe_are_his(pack):
    security = " ".join(_chapter(pack, "security").body)
    assert "Grundlage von allem" not in security and "Streng ist die Stadt nach Somers’ Angaben" in security
    assert "Dafür gab es heftige Kritik" not in " ".join(_chapter(pack, "europe").body)


def test_review_survey_rows_say_what_the_table_says(pack):
    bocholt = _partnership(pack, "bocholt-eu-dialogue").description + _event(pack, "bocholt-eu-dialogue").text
    assert "lud" not in bocholt and "EU-Dialog" in bocholt
    assert "Forschungseinrichtungen" not in _partnership(pack, "magdeburg-erasmus").description
    assert "Informationsabenden" not in _event(pack, "nuernberg-kavala").text
    assert "in die schwedischen Partnerstädte" not in _event(pack, "enzkreis-delegation").text
    assert "die meisten teilen" in _chapter(pack, "partnerships").lead


def test_review_speed_dating_is_probably_samen_inburgeren(pack):
    body = " ".join(_chapter(pack, "recognition").body)
    assert "Vermutlich" in body and "Vermutlich" in _event(pack, "samen-inburgeren").text


def test_review_one_dutch_word_for_the_cemetery():
    text = "\n".join(_nl_strings("content").values())
    assert "kerkhof" not in text and "begraafplaats" in text
