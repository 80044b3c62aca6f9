"""Text helpers without Qt: accent-free search keys and localised country names.

Search must find "Telšiai" from "telsiai" and "TELŠIAI", "Nürnberg" from "nurnberg", on a
kiosk keyboard without accents. NFKD splits letters from their accents, the combining marks
are dropped, and ``casefold`` handles ß → ss. Letters that NFKD does not split (ł, ø, đ, æ)
are mapped by hand.
"""

from __future__ import annotations

import unicodedata
from functools import cache

from babel import Locale

from zusammenleben.i18n.formatting import locale_for

_UNSPLIT = str.maketrans({"ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "đ": "d", "Đ": "d", "æ": "ae", "Æ": "ae",
                          "œ": "oe", "Œ": "oe", "ı": "i", "’": "'", "‘": "'"})


def fold(text: str) -> str:
    """A search key: no accents, no case (``Telšiai`` → ``telsiai``, ``Straße`` → ``strasse``)."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_UNSPLIT))
    stripped = "".join(char for char in decomposed if not unicodedata.combining(char))
    return stripped.casefold()


def matches_all_words(query: str, haystack: str) -> bool:
    """Every word of the query occurs in the (already folded) haystack."""
    return all(word in haystack for word in fold(query).split())


@cache
def _locale(lang: str) -> Locale:
    return locale_for(lang)


def country_name(code: str, lang: str) -> str:
    """``LT`` → ``Litauen`` (de) / ``Litouwen`` (nl), from CLDR through Babel; the code itself if unknown."""
    return _locale(lang).territories.get(code.upper(), code)
