"""run_validate: every problem on its own line and exit 1, or one summary line and exit 0."""

from __future__ import annotations

import io

from content_helpers import EXAMPLE_PACK, replace

from zusammenleben.content.cli_validate import run_validate
from zusammenleben.content.errors import ContentMessage


def test_clean_pack_prints_one_summary_line():
    out = io.StringIO()
    assert run_validate(str(EXAMPLE_PACK), out=out) == 0
    assert out.getvalue() == (
        "beispiel: no problems (chapters 2, events 3, indicators 2, data points 6, partnerships 2, "
        "sources 3, glossary terms 3)\n"
    )


def test_broken_pack_prints_every_problem(pack):
    first = replace(pack, "events.toml", 'date = "2012-10"', 'date = "2012-13"')
    second = replace(pack, "places.csv", "borne,Borne,NL", "borne,Borne,LIT")
    out = io.StringIO()
    assert run_validate(str(pack), out=out) == 1
    assert out.getvalue().splitlines() == [
        f"events.toml:{first}: event.date: '2012-13' is not a real calendar date",
        f"places.csv:{second}: country: 'LIT' is not an ISO 3166-1 alpha-2 code",
    ]


def test_messages_are_translated_at_print_time(pack):
    replace(pack, "places.csv", "borne,Borne,NL", "borne,Borne,LIT")
    german = {ContentMessage.BAD_COUNTRY: "'%(value)s' ist kein Ländercode nach ISO 3166-1 alpha-2"}
    out = io.StringIO()
    run_validate(str(pack), translate=lambda msgid: german.get(msgid, msgid), out=out)
    assert out.getvalue() == "places.csv:4: country: 'LIT' ist kein Ländercode nach ISO 3166-1 alpha-2\n"


def test_a_broken_translation_falls_back_to_english(pack):
    replace(pack, "places.csv", "borne,Borne,NL", "borne,Borne,LIT")
    out = io.StringIO()
    run_validate(str(pack), translate=lambda msgid: "%(nonsense)s", out=out)
    assert out.getvalue() == "places.csv:4: country: 'LIT' is not an ISO 3166-1 alpha-2 code\n"
