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
def _names() -> frozenset[str]:
    try:
        data = resources.files("gender_guesser").joinpath("data", "nam_dict.txt")
        text = data.read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError, OSError):
        return frozenset()
    found: set[str] = set()
    for line in text.splitlines():
        if not line or line[0] in "#=":
            continue
        name = line[3:29].strip().lower()
        if "+" in name:
            found.update((name.replace("+", "-"), name.replace("+", ""), *name.split("+")))
        elif name:
            found.add(name)
    return frozenset(found - _NOT_GIVEN - STOPWORDS)


def given(word: str) -> bool:
    """Whether `word` is a common given name ("Carlo", "Wafula" is not; "Real" is not)."""
    return word.lower().rstrip(".") in _names()
