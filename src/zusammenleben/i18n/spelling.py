"""Spell-check translated texts with hunspell, against reviewed word lists of names and terms.

A projector makes every typo large. ``hunspell -l`` lists the words its dictionary does not
know; names (Somers, Vlaams Belang), places and terms the dictionaries lack are listed,
reviewed, in ``translations/wordlists/<lang>.txt`` (one word per line, ``#`` comments).
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

from zusammenleben.i18n.catalogs import po_files, read_catalog

# hunspell dictionaries per app language, most specific first (Debian: hunspell-de-de, hunspell-nl)
DICTIONARIES = {"de": ("de_DE", "de"), "nl": ("nl_BE", "nl", "nl_NL")}

_MARKDOWN_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_PLACEHOLDER = re.compile(r"%\([^)]*\)[-#0 +]*\d*(?:\.\d+)?[diouxXeEfFgGcrs]|%[diouxXeEfFgGcrs%]|\{[^}]*\}")
_NON_WORDS = re.compile(r"https?://\S+|\S+@\S+|\*\.\w+|[*_`#>]")  # links, mail, *.csv, Markdown


def hunspell_available() -> bool:
    return shutil.which("hunspell") is not None


def dictionary_for(lang: str) -> str | None:
    """The first installed hunspell dictionary for ``lang`` (None: no dictionary, no check)."""
    if not hunspell_available():
        return None
    listing = subprocess.run(["hunspell", "-D"], capture_output=True, text=True, stdin=subprocess.DEVNULL,
                             check=False)
    installed = {Path(line.strip()).name for line in (listing.stdout + listing.stderr).splitlines()}
    for name in DICTIONARIES.get(lang, (lang,)):
        if name in installed:
            return name
    return None


def load_wordlist(path: Path) -> set[str]:
    if not path.exists():
        return set()
    words = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        word = line.split("#", 1)[0].strip()
        if word:
            words.add(word)
    return words


def plain_text(text: str) -> str:
    """What a reader sees: link texts without targets, no placeholders, no Markdown marks."""
    text = _MARKDOWN_LINK.sub(r"\1", text).replace("\u00ad", "")  # soft hyphens join a word
    text = _PLACEHOLDER.sub(" ", text)
    return _NON_WORDS.sub(" ", text)


_TOKEN = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*[-.]?", re.UNICODE)


def words_of(text: str) -> list[str]:
    """The words a reader sees; codes and acronyms in capitals (BE, RGRE, TOML) and numbers are skipped."""
    tokens = []
    for match in _TOKEN.finditer(plain_text(text)):
        token = match.group(0).lstrip("-'’")
        bare = token.rstrip("-.")
        if len(bare) < 2 or (bare.isupper() and len(bare) <= 6):
            continue
        tokens.append(token if token.endswith("-") else bare)
        if token.endswith("."):  # "bzw." and "Sep." are words only with their period
            tokens.append(token)
    return tokens


def _rejected(words: set[str], dictionary: str) -> set[str]:
    """The words hunspell does not know (one word per line, so its output is exactly our tokens)."""
    if not words:
        return set()
    result = subprocess.run(
        ["hunspell", "-d", dictionary, "-i", "utf-8", "-l"],
        input="\n".join(sorted(words)) + "\n",
        capture_output=True, text=True, encoding="utf-8", check=True,
    )
    return set(result.stdout.split())


def unknown_words(texts: list[str], dictionary: str, accepted: set[str]) -> dict[str, list[str]]:
    """Words hunspell rejects and the word list does not accept, each with up to three texts using them.

    A hyphenated compound (``Touch-Bedienung``) passes when every part passes, as German and
    Dutch readers accept hyphenated compounds of known words.
    """
    occurrences: dict[str, list[str]] = {}
    for text in texts:
        for word in words_of(text):
            occurrences.setdefault(word, [])
            if len(occurrences[word]) < 3 and text not in occurrences[word]:
                occurrences[word].append(text)
    candidates = set(occurrences)
    parts = {part for word in candidates if "-" in word for part in word.split("-") if part}
    checked = candidates | parts
    rejected = _rejected(checked, dictionary)

    def known(word: str) -> bool:
        return word in accepted or (word in checked and word not in rejected)

    found = {}
    for word in sorted(candidates):
        if word.endswith(".") or known(word) or known(word + "."):
            continue
        pieces = [piece for piece in word.split("-") if piece]
        if "-" in word.rstrip("-") and all(known(piece) or piece.isupper() for piece in pieces):
            continue
        found[word] = occurrences[word]
    return found


def _is_source_title(message) -> bool:
    fields = [comment.rsplit(" ", 1)[-1] for comment in message.auto_comments]
    return bool(fields) and all(field == "source.title" for field in fields)


def cited_as_published(message) -> bool:
    """A source title kept in its original language: not this language's spelling to check."""
    return _is_source_title(message) and message.string == message.id


def added_translation(message) -> str:
    """The translation added in brackets after a source title kept as published, or "".

    A German title shown in Dutch stays German and gets its translation in brackets
    (``Wie Mechelen … umsetzt (Hoe Mechelen …)``): only the bracketed part is Dutch to check.
    """
    string = message.string if isinstance(message.string, str) else ""
    if not _is_source_title(message) or not string.startswith(message.id + " ("):
        return ""
    return string[len(message.id):]


def translated_texts(root: Path, lang: str) -> list[str]:
    """Every non-fuzzy msgstr of every catalog of ``lang``, except titles cited as published."""
    texts = []
    for code, _domain, path in po_files(root / "translations"):
        if code != lang:
            continue
        for message in read_catalog(path, code):
            if not message.id or message.fuzzy or cited_as_published(message):
                continue
            if added_translation(message):
                texts.append(added_translation(message))
                continue
            strings = message.string if isinstance(message.string, (list, tuple)) else (message.string,)
            texts += [s for s in strings if s]
    return texts


def spelling_problems(root: Path) -> list[str]:
    """``lang: 'word' in '…'`` for every unknown word; nothing when hunspell or a dictionary is absent."""
    problems = []
    for lang in sorted({code for code, _domain, _path in po_files(root / "translations")}):
        dictionary = dictionary_for(lang)
        if dictionary is None:
            continue
        accepted = load_wordlist(root / "translations" / "wordlists" / f"{lang}.txt")
        for word, where in unknown_words(translated_texts(root, lang), dictionary, accepted).items():
            problems.append(f"{lang} ({dictionary}): unknown word {word!r} in {where[0][:60]!r}"
                            f" (fix it, or add it to translations/wordlists/{lang}.txt)")
    return problems
