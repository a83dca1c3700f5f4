"""Given names, to tell a person's name ("Carlo Ancelotti") from an organisation's
("Real Madrid", "Bavarian Nordic") when no title or organisation word decides.

The list is gender-guesser's dictionary of first names (Jörg Michael's `nam_dict.txt`, some
48,000 names from many countries), read once, on first use.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from explorer.draft.lexicon import STOPWORDS

# Words the dictionary holds as names that are, in news text, far more often something else.
_NOT_GIVEN = {
    "la",
    "le",
    "de",
    "del",
    "van",
    "von",
    "al",
    "el",
    "general",
    "royal",
    "justice",
    "paris",
    "young",
    "king",
    "rose",
    "hong",
    "china",
    "india",
    "georgia",
    "jordan",
    "israel",
    "chad",
    "major",
    "prince",
    "queen",
    "baron",
    "star",
    "summer",
    "winter",
    "april",
    "may",
    "june",
    "august",
    "grace",
    "hope",
    "faith",
    "liberty",
    "unity",
    "sunday",
    "monday",
    "friday",
    "can",
    "long",
}


@lru_cache(maxsize=1)
def _dictionary() -> tuple[frozenset[str], dict[str, str]]:
    """The given names, and the sex each is mostly given to ("M" or "F", when the
    dictionary says so without doubt for every entry of that spelling)."""
    try:
        data = resources.files("gender_guesser").joinpath("data", "nam_dict.txt")
        text = data.read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError, OSError):
        return frozenset(), {}
    found: set[str] = set()
    sex: dict[str, str] = {}
    for line in text.splitlines():
        if not line or line[0] in "#=":
            continue
        name = line[3:29].strip().lower()
        code = line[:2].strip()
        mark = "M" if code in ("M", "1M") else "F" if code in ("F", "1F") else "?"
        if "+" in name:
            spellings = (name.replace("+", "-"), name.replace("+", ""), *name.split("+"))
            found.update(spellings)
        elif name:
            spellings = (name,)
            found.add(name)
        else:
            continue
        for spelling in spellings[:2]:
            sex[spelling] = mark if sex.get(spelling, mark) == mark else "?"
    return frozenset(found - _NOT_GIVEN - STOPWORDS), sex


def _names() -> frozenset[str]:
    return _dictionary()[0]


def given(word: str) -> bool:
    """Whether `word` is a common given name ("Carlo", "Wafula" is not; "Real" is not)."""
    return word.lower().rstrip(".") in _names()


def fits_pronoun(name: str, pronoun: str) -> bool:
    """Whether "he" or "she" can stand for the person of this name: false only when the
    first name is a man's ("she" for Mauro Vieira) or a woman's ("he" for Diana Mondino)."""
    first = name.split()[0].lower().rstrip(".") if name.split() else ""
    sex = _dictionary()[1].get(first, "?")
    wanted = "F" if pronoun.lower() in ("she", "her") else "M"
    return sex in ("?", wanted)
