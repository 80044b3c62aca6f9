"""Checks that keep a pack trustworthy: cited sources exist and are used, sources outside the
seeds say so, every perspective has a critic who is not the claimant, tasks are well formed.

Each test breaks one thing in a copy of the example pack and expects ``file:line: field: message``.
"""

from __future__ import annotations

import pytest
from content_helpers import append, line_of, problems, replace

from zusammenleben.content import load_pack

OUTSIDE = '''
[[source]]
id = "public-page"
title = "Eine öffentliche Seite"
publication = "Beispiel"
kind = "Webseite"
in_seeds = false
note = "Außerhalb der Quelltexte: eine öffentliche Seite."
'''


def cite_public_page(pack) -> None:
    replace(pack, "chapters.toml", '"spiegel-2018-interview"]\nglossary',
            '"spiegel-2018-interview", "public-page"]\nglossary')


def test_example_pack_passes_the_new_checks(pack):
    result = load_pack(pack)
    assert result.errors == []
    chapter = result.pack.chapters[0]
    assert [goal.text for goal in chapter.goals] == [
        "Die Schülerinnen und Schüler können zwei Angaben über die Stadt im Jahr 2001 vergleichen."
    ]
    assert [(task.level, task.sources) for task in chapter.tasks] == [
        (1, ()),
        (3, ("somers-oped", "spiegel-2018-interview")),
    ]
    assert chapter.perspectives[0].claimant == "Der Bürgermeister im Interview"


def test_a_source_nobody_cites_is_reported_on_its_id_line(pack):
    line = append(pack, "sources.toml", OUTSIDE) + 2  # OUTSIDE begins with a blank line, then [[source]]
    assert problems(pack) == [f"sources.toml:{line}: source.id: source 'public-page' is not cited anywhere in the pack"]


def test_a_source_cited_only_by_a_task_counts_as_used(pack):
    append(pack, "sources.toml", OUTSIDE)
    replace(pack, "chapters.toml", 'sources = ["somers-oped", "spiegel-2018-interview"]\n',
            'sources = ["somers-oped", "spiegel-2018-interview", "public-page"]\n', 2)
    assert problems(pack) == []


def test_a_task_citing_an_unknown_source(pack):
    line = replace(pack, "chapters.toml", 'sources = ["somers-oped", "spiegel-2018-interview"]\n',
                   'sources = ["somers-oped", "spiegel"]\n', 2)
    assert problems(pack) == [f"chapters.toml:{line}: chapter.task.sources: unknown source 'spiegel'"]


def test_a_seed_source_must_name_its_seed(pack):
    replace(pack, "sources.toml", 'seed = "003"\n', "")
    line = line_of(pack, "sources.toml", "in_seeds = true")
    assert problems(pack) == [
        f"sources.toml:{line}: source.in_seeds: a source from the seed documents (in_seeds = true) must name its seed"
    ]


def test_a_source_outside_the_seeds_cannot_name_a_seed(pack):
    append(pack, "sources.toml", OUTSIDE.replace("in_seeds = false", 'seed = "001"\nin_seeds = false'))
    cite_public_page(pack)
    line = line_of(pack, "sources.toml", 'seed = "001"')
    assert problems(pack) == [
        f"sources.toml:{line}: source.seed: a source outside the seeds (in_seeds = false) cannot name a seed document"
    ]


def _with_marker(pack) -> None:
    replace(pack, "pack.toml", "[pack]\n", '[pack]\noutside_seeds_marker = "Außerhalb der Quelltexte"\n')
    append(pack, "sources.toml", OUTSIDE)
    cite_public_page(pack)


def test_with_a_marker_an_outside_source_that_says_so_passes(pack):
    _with_marker(pack)
    assert problems(pack) == []


def test_with_a_marker_an_outside_source_must_say_so(pack):
    _with_marker(pack)
    line = replace(pack, "sources.toml", 'note = "Außerhalb der Quelltexte: eine', 'note = "Eine')
    assert problems(pack) == [
        f"sources.toml:{line}: source.note: a source outside the seeds must say so: "
        "its note must begin with 'Außerhalb der Quelltexte'"
    ]


def test_with_a_marker_an_outside_source_without_note_is_reported_on_in_seeds(pack):
    _with_marker(pack)
    replace(pack, "sources.toml", 'note = "Außerhalb der Quelltexte: eine öffentliche Seite."\n', "")
    line = line_of(pack, "sources.toml", "in_seeds = false")
    assert problems(pack) == [
        f"sources.toml:{line}: source.in_seeds: a source outside the seeds must say so: "
        "its note must begin with 'Außerhalb der Quelltexte'"
    ]


def test_with_a_marker_a_seed_must_not_be_marked_outside(pack):
    _with_marker(pack)
    line = replace(pack, "sources.toml", 'note = "Der Beitrag nennt keine Zeitung."',
                   'note = "Außerhalb der Quelltexte: falsch markiert."')
    assert problems(pack) == [
        f"sources.toml:{line}: source.note: a source from the seed documents must not be marked "
        "'Außerhalb der Quelltexte'"
    ]


def test_a_critic_who_is_the_claimant_is_reported(pack):
    line = replace(pack, "chapters.toml", 'critic = "Linke Kritiker"', 'critic = "der Bürgermeister  im Interview"')
    assert problems(pack) == [
        f"chapters.toml:{line}: chapter.perspective.critic: the critic 'der Bürgermeister  im Interview' "
        "is the claimant: a criticism needs another voice"
    ]


def test_selbst_does_not_make_another_voice(pack):
    line = replace(pack, "chapters.toml", 'critic = "Linke Kritiker"',
                   'critic = "Der Bürgermeister im Interview selbst"')
    assert problems(pack) == [
        f"chapters.toml:{line}: chapter.perspective.critic: the critic 'Der Bürgermeister im Interview selbst' "
        "is the claimant: a criticism needs another voice"
    ]


@pytest.mark.parametrize("field", ["critic", "claimant"])
def test_a_perspective_needs_critic_and_claimant(pack, field):
    line = line_of(pack, "chapters.toml", f"{field} = ")
    replace(pack, "chapters.toml", (pack / "chapters.toml").read_text("utf-8").splitlines()[line - 1] + "\n", "")
    start = line_of(pack, "chapters.toml", "[[chapter.perspective]]")
    assert problems(pack) == [f"chapters.toml:{start}: chapter.perspective.{field}: required field is missing"]


@pytest.mark.parametrize(("value", "message"), [
    ("4", "'4' is not a level: write 1 (reproduce), 2 (explain) or 3 (judge)"),
    ('"1"', "expected a whole number"),
])
def test_a_task_level_is_1_2_or_3(pack, value, message):
    line = replace(pack, "chapters.toml", "level = 1\n", f"level = {value}\n")
    assert problems(pack) == [f"chapters.toml:{line}: chapter.task.level: {message}"]


def test_goals_and_tasks_need_text(pack):
    line = replace(pack, "chapters.toml", 'text = "Nenne zwei Probleme der Stadt im Jahr 2001."', 'text = ""')
    assert problems(pack) == [f"chapters.toml:{line}: chapter.task.text: must not be empty"]
