"""Issue 15, second independent reading: the corrections it made to the Mechelen pack, pinned.

Each test fails on the text the pack had before (main at aa0987c). The deciding source is named in each
docstring: the seeds (000 news report, 001 portrait, 002 Somers' op-ed, 003 SPIEGEL interview, 004 RGRE survey)
or the outside pages listed in sources.toml.
"""

from __future__ import annotations

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


@pytest.fixture(scope="module")
def nl_text() -> str:
    with (TRANSLATIONS / "nl" / "LC_MESSAGES" / "content.po").open("rb") as handle:
        return "\n".join(m.string for m in read_po(handle) if m.id and isinstance(m.string, str))


def _chapter(pack, chapter_id):
    return next(chapter for chapter in pack.chapters if chapter.id == chapter_id)


def _easy(pack, chapter_id) -> str:
    return " ".join(_chapter(pack, chapter_id).easy)


def test_easy_city_2001_gives_insecurity_and_blame_to_somers(pack):
    """Seed 003: feeling abandoned by the government and blaming politicians and migrants is Somers' account;
    the standard text says "nach Somers’ Worten", the easy text told it in the narrator's voice."""
    easy = _easy(pack, "city-2001")
    assert "Somers sagt: Viele Menschen fühlen sich nicht sicher" in easy
    assert "Viele Einwohner suchen Schuldige, sagt Somers." in easy


def test_easy_security_the_parents_contract_is_somers_account(pack):
    """Seed 003: the contract with parents is Somers' answer in the interview, not a checked fact."""
    assert "Somers sagt: Die Stadt ist auch streng mit jungen Leuten" in _easy(pack, "security")
    assert "Nach eigenen Angaben gibt Mechelen" not in " ".join(_chapter(pack, "security").body)


def test_easy_recognition_speed_dating_is_only_probably_samen_inburgeren(pack):
    """sources.toml samen-inburgeren / mechelen-samen-inburgeren: "vermutlich"; the easy text stated it."""
    easy = _easy(pack, "recognition")
    assert "Andere öffentliche Seiten nennen das Programm" not in easy
    assert "Wahrscheinlich ist das Programm „Samen Inburgeren“ gemeint" in easy


def test_easy_recognition_fdi_ranks_places_for_investors(pack):
    """trends-2018-fdi: the ranking names cities of interest to investors; not "the best future"."""
    easy = _easy(pack, "recognition")
    assert "mit der besten Zukunft" not in easy and "Investoren" in easy


def test_easy_europe_criticism_from_the_right_is_somers_word(pack):
    """Seed 002: "trotz massiver Kritik – dieses Mal von Rechts" is only in Somers' op-ed."""
    assert "Dafür gibt es nach seinen Worten scharfe Kritik" in _easy(pack, "europe")


def test_partnerships_keep_the_surveys_hedges_in_short_and_easy(pack):
    """Seed 004: "meist mit denselben Problemen", "für die überwiegende Anzahl der europäischen Kommunen"."""
    chapter = _chapter(pack, "partnerships")
    assert "Alle haben ähnliche Probleme" not in chapter.short and "Die meisten haben" in chapter.short
    easy = _easy(pack, "partnerships")
    assert "überall die gleichen Sorgen" not in easy and "meist die gleichen Sorgen" in easy
    assert "Für die meisten Orte haben die Staaten" in easy


def test_partnerships_answers_come_from_partners_not_neighbours(pack):
    """Seed 004: "bei den Partnerschaftskommunen Hilfe und Anregungen" – Sweden, Greece, Hungary are no neighbours."""
    chapter = _chapter(pack, "partnerships")
    for text in (" ".join(chapter.body), _easy(pack, "partnerships")):
        assert "bei ihren Nachbarn" not in text and "bei ihren Partnern" in text


def test_the_terror_tip_was_allegedly_judged_unreliable(pack):
    """standaard-2016-terror-tip: the police leadership "zou" have judged the tip unreliable (an allegation)."""
    criticism = " ".join(p.criticism for p in _chapter(pack, "security").perspectives)
    assert "war von der Polizeiführung als unzuverlässig eingestuft worden" not in criticism
    assert "soll von der Polizeiführung als unzuverlässig eingestuft worden sein" in criticism


def test_the_terror_tip_dispute_has_its_known_outcome(pack):
    """anp-2016-terror-tip-outcome (ANP, 14 Nov 2016): too late, but no criminal intent; shown beside the charge."""
    source = next(s for s in pack.sources if s.id == "anp-2016-terror-tip-outcome")
    assert source.in_seeds is False and source.url
    chapter = _chapter(pack, "security")
    assert any("anp-2016-terror-tip-outcome" in task.sources for task in chapter.tasks)
    notes = " ".join(note.text for note in chapter.teacher_notes)
    assert "keinen strafbaren Vorsatz" in notes


def test_publications_carry_no_german_words_into_dutch(pack):
    """The publication line is shown untranslated in both languages: names only, no "über", "nach", "Ausgabe"."""
    for source in pack.sources:
        words = set(source.publication.replace(",", " ").replace(":", " ").split())
        assert not words & {"über", "nach", "deutsche", "englische", "Ausgabe"}, source.id


@pytest.mark.parametrize("slip", [
    "hij pikt niets",                      # "pikken" also means "to steal": ambiguous
    "hadden dezelfde angsten",             # seed 001: fears "ähnlicher als gedacht", not the same
    "“een op de drie”",                    # one spelling: "één op de drie"
    "Allemaal hebben ze gelijkaardige",    # seed 004 "meist"
    "overal dezelfde zorgen",              # seed 004 "meist"
    "antwoorden bij hun buren",            # seed 004 "Partnerschaftskommunen"
    "zoeken antwoorden bij hun buren",
    "Naar eigen zeggen geeft Mechelen",    # whose claim: Somers'
    "met de beste toekomst",               # trends-2018-fdi: a ranking for investors
    "was door de politietop als onbetrouwbaar bestempeld",  # De Standaard: "zou ... zijn bestempeld"
    "Daarvoor komt er scherpe kritiek",    # seed 002: Somers' word
])
def test_dutch_follows_the_corrections(nl_text, slip):
    assert slip not in nl_text


def test_the_caliphate_reproach_is_known_only_from_somers(pack):
    """Seed 003: "warfen mir manche vor" – only Somers reports the reproach; every layer says so."""
    chapter = _chapter(pack, "diversity")
    assert "warfen ihm nach seinen Worten vor" in chapter.short
    assert "nach seinen Worten vor, er errichte dort" in " ".join(chapter.body)
    assert "Somers erzählt: Manche werfen ihm deshalb vor" in _easy(pack, "diversity")
    assert any(p.criticism.startswith("Manche warfen ihm nach seinen Worten vor") for p in chapter.perspectives)
    caliphate = next(term for term in pack.glossary if term.id == "caliphate")
    assert "Als Mechelen muslimische Gräber erlaubte" not in caliphate.definition


def test_short_city_2001_blame_is_somers_account(pack):
    """Seeds 000 and 003: blaming politicians and migrants is Somers' account (the lead says "sagt er")."""
    assert "Viele Einwohner geben nach Somers’ Worten Politikern" in _chapter(pack, "city-2001").short
