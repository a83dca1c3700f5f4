"""A deterministic synthetic corpus: N article files in format v1, shaped like real news.

    python -m explorer.bench.corpus N OUT_DIR [--seed S]

Each article has about 20 actors, 8 meetings and 50 quotes. Actors come from one pool shared
by the whole corpus (popular ones, as in the news, appear in many articles, always with the
same id, name and kind); publication dates spread over sixteen years; the prose follows a
Zipf word distribution; every direct quote and every evidence excerpt is written verbatim into
the body, so every file passes `explorer check`. Article `i` depends only on the seed and `i`,
so the first 100 articles of a 1,000-article corpus are the 100-article corpus.
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import re
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path


def _words(text: str) -> list[str]:
    return text.split()


# The commonest English words of news prose, roughly in frequency order; the rest of the
# vocabulary is made-up words, so word frequencies fall off the way a real corpus's do.
_COMMON = _words(
    """
the of to and a in that for on is said was with he it as at by from his be have has are an
will its not but this they who were their been more after had would about which one new
also than over two year up out against other government into people last first some there
when we all could officials i minister president told years our no time country talks
security foreign military trade state week can what if between before while under three
only most national defence policy since during billion percent agreement support region
economic relations meeting visit leaders former international political public ministry
any may should them those because countries war prime long month talks day officials
second further talks cooperation minister statement conference council border power
world including such agreed where both plan next issue already made called across told
told secretary press well high news part added several spokesman strong deal peace
chief forces own still like many much back him did even now way since set through
members economy global growth energy market summit delegation exchange visit group
development investment deputy joint army navy official future crisis sanctions
agency report source senior regional parliament committee election vote law court
rights aid bank budget tax trade tariffs exports imports oil gas climate emissions
ties dialogue mutual trust stability tensions dispute territorial maritime sea island
coast guard drills exercise missile nuclear weapons treaty alliance partners partner
cooperate strengthen promote enhance ensure maintain discuss address resolve reach
consensus framework mechanism initiative project infrastructure supply chain
technology cyber digital health vaccine food water refugees migration humanitarian
"""
)

_SYLLABLES = _words(
    "ka ri mo ten sul vor an el is ta pen dra lo mi nu ser ga bel tor fin "
    "da cor ve lan sto ru zen pa hal mer qui ost ber na li tu ex ar om"
)

_FIRST_NAMES = _words(
    """
Aiko Ahmed Alejandro Amara Anders Ana Arjun Beatriz Bilal Carlos Chen Chiara Daniel Dmitri
Elena Emeka Fatima Felipe Gen Hana Hassan Ines Ivan Jae-won James Javier Jun Karin Kenji
Lars Layla Lucia Mahmoud Maria Mateo Mei Mohammed Nadia Naomi Nikolai Olga Omar Pablo Priya
Rahul Rania Ricardo Sakura Samuel Sara Sergei Shira Siobhan Sofia Sunil Takeshi Tariq Thabo
Tomas Wei Yara Yusuf Zainab Zhang Amelia Oliver Jonas Kwame Ngozi Akira Farid Leila
"""
)

_LAST_NAMES = _words(
    """
Abe Adeyemi Ahmadi Alvarez Andersen Bakr Banerjee Becker Bianchi Brennan Castillo Chang
Costa Dlamini Dubois Eriksen Fernandes Fischer Garcia Gupta Haddad Hashimoto Hoffmann Horvat
Ibrahim Ivanova Jensen Kato Khan Kim Kowalski Kumar Laurent Lee Lindqvist Lopez Mahlangu
Markovic Martins Mensah Moreau Morales Mueller Nakamura Nguyen Novak Nowak Obi Okafor
Olsen Ortiz Park Petrov Pham Quispe Rahman Ramos Reyes Rossi Sato Schmidt Silva Singh
Sokolov Suzuki Tanaka Tran Usman Varga Wang Weber Wong Yamamoto Yilmaz Zhou Zubiri
O’Connor D’Souza Okonkwo Haugen Virtanen
"""
)

_COUNTRIES = _words(
    """
Japan China India Brazil Nigeria Germany France Italy Spain Portugal Norway Sweden Finland
Poland Hungary Croatia Serbia Turkey Egypt Kenya Ghana Ethiopia Morocco Algeria Tunisia
Jordan Lebanon Qatar Oman Pakistan Bangladesh Vietnam Thailand Malaysia Indonesia
Philippines Australia Canada Mexico Chile Peru Colombia Argentina Ecuador Uruguay Estonia
Latvia Lithuania Ireland Austria Switzerland Belgium Netherlands Denmark Iceland Greece
Cyprus Romania Bulgaria Georgia Armenia Mongolia Nepal
"""
)

_MINISTRIES = ("Foreign Affairs", "Defence", "Trade", "Finance", "Energy", "Health")
_INSTITUTIONS = ("Central Bank", "National Assembly", "Supreme Court", "Coast Guard")
_GROUPS = ("trade delegation", "negotiating team", "military delegation", "opposition bloc")
_ROLES = (
    "foreign minister",
    "defence minister",
    "deputy minister",
    "spokesperson",
    "ambassador",
    "senior adviser",
    "chief negotiator",
    "central bank governor",
    "parliamentary leader",
    "senior official",
)
_CITIES = _words(
    """
Geneva Vienna Jakarta Nairobi Lima Oslo Hanoi Doha Tokyo Brussels Singapore Istanbul Cairo
Seoul Canberra Ottawa Santiago Lisbon Warsaw Helsinki Manila Bogota Accra Tbilisi
"""
)
_OUTLETS = (
    "The Harbour Times",
    "Daily Ledger",
    "Meridian Wire",
    "The Northern Courier",
    "Atlas News",
    "Evening Standard Post",
)
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

ACTORS_PER_ARTICLE = 20
MEETINGS_PER_ARTICLE = 8
QUOTES_PER_ARTICLE = 50
FIRST_DAY = date(2010, 1, 1)
DAYS_SPANNED = 16 * 365


def slug(text: str) -> str:
    """An id in the format's slug form, from any name."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower().replace("’", "")).strip("-")


class Vocabulary:
    """Words drawn with Zipf frequencies: a few very common, a long tail of rare ones."""

    def __init__(self, rng: random.Random, size: int = 4000, exponent: float = 1.05) -> None:
        words = list(dict.fromkeys(_COMMON))
        seen = set(words)
        while len(words) < size:
            word = "".join(rng.choice(_SYLLABLES) for _ in range(rng.choice((2, 2, 3, 3, 4))))
            if word not in seen:
                seen.add(word)
                words.append(word)
        self.words = words
        self.cumulative = list(
            itertools.accumulate(1.0 / (rank + 2.7) ** exponent for rank in range(len(words)))
        )

    def draw(self, rng: random.Random, count: int) -> list[str]:
        return rng.choices(self.words, cum_weights=self.cumulative, k=count)

    def topic(self, rng: random.Random, count: int) -> str:
        """Content words only (no "the", "of"…), as a headline uses them."""
        common = set(self.words[:80])
        chosen: list[str] = []
        while len(chosen) < count:
            chosen += [w for w in self.draw(rng, count) if w not in common]
        return " ".join(chosen[:count])

    def phrase(self, rng: random.Random, low: int, high: int) -> str:
        return " ".join(self.draw(rng, rng.randint(low, high)))

    def sentence(self, rng: random.Random, low: int = 8, high: int = 22) -> str:
        text = self.phrase(rng, low, high)
        return text[0].upper() + text[1:]


@dataclass(frozen=True, slots=True)
class PoolActor:
    id: str
    name: str
    kind: str
    role: str | None = None
    parent: str | None = None  # the id of the organisation or country it belongs to
    alias: str | None = None


@dataclass
class Pool:
    """Every actor the corpus may mention, each with one fixed id, name and kind."""

    countries: list[PoolActor] = field(default_factory=list)
    organisations: list[PoolActor] = field(default_factory=list)
    groups: list[PoolActor] = field(default_factory=list)
    persons: list[PoolActor] = field(default_factory=list)
    members: dict[str, list[PoolActor]] = field(default_factory=dict)


def build_pool(seed: int, persons: int = 3000) -> Pool:
    """The shared actor pool; the same for every N, so corpora of one seed nest."""
    rng = random.Random(f"pool:{seed}")
    pool = Pool()
    for country_name in _COUNTRIES:
        pool.countries.append(PoolActor(slug(country_name), country_name, "country"))
    rng.shuffle(pool.countries)
    for country in pool.countries:
        for ministry in _MINISTRIES:
            name = f"Ministry of {ministry} of {country.name}"
            pool.organisations.append(
                PoolActor(slug(name), name, "organisation", parent=country.id, alias="the ministry")
            )
        for institution in _INSTITUTIONS:
            name = f"{institution} of {country.name}"
            pool.organisations.append(
                PoolActor(slug(name), name, "organisation", parent=country.id)
            )
        for group in _GROUPS:
            name = f"{country.name} {group}"
            pool.groups.append(PoolActor(slug(name), name, "group", parent=country.id))
    rng.shuffle(pool.organisations)
    rng.shuffle(pool.groups)
    names: set[str] = set()
    while len(pool.persons) < persons:
        first, last = rng.choice(_FIRST_NAMES), rng.choice(_LAST_NAMES)
        name = f"{first} {last}"
        if name in names:
            name = f"{first} {rng.choice('ABCDEFGHJKLMNPRSTW')}. {last}"
            if name in names:
                continue
        names.add(name)
        home = pool.organisations[int(rng.paretovariate(1.2) * 7) % len(pool.organisations)]
        person = PoolActor(slug(name), name, "person", rng.choice(_ROLES), home.id, last)
        pool.persons.append(person)
        pool.members.setdefault(home.id, []).append(person)
    return pool


def _zipf_index(rng: random.Random, size: int, exponent: float = 1.0) -> int:
    """An index in [0, size) with probability falling as 1/rank."""
    while True:
        value = int(rng.paretovariate(exponent)) - 1
        if value < size:
            return value


def _pick(rng: random.Random, items: Sequence[PoolActor], count: int) -> list[PoolActor]:
    chosen: dict[str, PoolActor] = {}
    for _ in range(count * 20):
        if len(chosen) >= count:
            break
        actor = items[_zipf_index(rng, len(items), 0.8)]
        chosen.setdefault(actor.id, actor)
    return list(chosen.values())


def _day(value: date) -> str:
    return f"{value.day} {_MONTHS[value.month - 1]} {value.year}"


def _when(rng: random.Random, status: str, published: date) -> tuple[str, str]:
    """A meeting date consistent with its status as of publication: (ISO, how prose says it)."""
    if status == "ongoing":
        start = published - timedelta(days=rng.randint(0, 3))
        end = published + timedelta(days=rng.randint(1, 5))
        if start.month == end.month:
            phrase = f"from {start.day} to {end.day} {_MONTHS[end.month - 1]} {end.year}"
        else:
            phrase = f"from {_day(start)} to {_day(end)}"
        return f"{start.isoformat()}/{end.isoformat()}", phrase
    if status == "happened":
        moment = published - timedelta(days=rng.randint(1, 900))
    else:
        moment = published + timedelta(days=rng.randint(40, 400))
    precision = rng.random()
    if status == "expected" or 0.6 <= precision < 0.9:
        return (
            f"{moment.year:04d}-{moment.month:02d}",
            f"in {_MONTHS[moment.month - 1]} {moment.year}",
        )
    if precision >= 0.9 and status == "happened":
        return f"{moment.year:04d}", f"in {moment.year}"
    return moment.isoformat(), f"on {_day(moment)}"


def _q(value: str) -> str:
    """A YAML double-quoted scalar (JSON's escapes are valid YAML)."""
    return json.dumps(value, ensure_ascii=False)


def _ids(values: Sequence[str]) -> str:
    return "[" + ", ".join(values) + "]"


class Generator:
    """Builds article files one at a time; article `i` depends only on the seed and `i`."""

    def __init__(self, seed: int = 0) -> None:
        self.seed = seed
        self.pool = build_pool(seed)
        self.vocabulary = Vocabulary(random.Random(f"words:{seed}"))

    def article_id(self, index: int) -> str:
        return f"story-{index + 1:05d}"

    def _actors(self, rng: random.Random) -> list[PoolActor]:
        pool = self.pool
        countries = _pick(rng, pool.countries, rng.randint(2, 3))
        home_orgs = [
            org
            for org in pool.organisations
            if org.parent in {c.id for c in countries} and rng.random() < 0.3
        ][:3]
        organisations = list(
            {a.id: a for a in home_orgs + _pick(rng, pool.organisations, 3)}.values()
        )[:5]
        groups = _pick(rng, pool.groups, rng.randint(1, 2))
        chosen = {a.id: a for a in countries + organisations + groups}
        target = ACTORS_PER_ARTICLE + rng.randint(-2, 2)
        for org in organisations:
            for person in pool.members.get(org.id, [])[: rng.randint(0, 3)]:
                if len(chosen) < target:
                    chosen.setdefault(person.id, person)
        while len(chosen) < target:
            person = pool.persons[_zipf_index(rng, len(pool.persons), 0.6)]
            chosen.setdefault(person.id, person)
        return list(chosen.values())

    def article(self, index: int) -> tuple[str, str]:
        """(article id, the YAML text of article `index`)."""
        rng = random.Random(f"article:{self.seed}:{index}")
        words = self.vocabulary
        article_id = self.article_id(index)
        published = FIRST_DAY + timedelta(days=rng.randrange(DAYS_SPANNED))
        actors = self._actors(rng)
        present = {a.id for a in actors}
        persons = [a for a in actors if a.kind == "person"] or actors
        speakers = persons * 6 + [a for a in actors if a.kind == "organisation"]

        sentences: list[str] = []
        # Who is who: a sentence naming each actor, so the reader finds its mentions.
        for actor in actors:
            if actor.kind == "person":
                sentences.append(f"{actor.name}, the {actor.role}, {words.phrase(rng, 5, 12)}.")
            else:
                sentences.append(f"{actor.name} {words.phrase(rng, 6, 14)}.")

        meetings: list[str] = []
        meeting_participants: list[tuple[str, set[str]]] = []
        for number in range(1, MEETINGS_PER_ARTICLE + 1):
            status = rng.choices(
                ("happened", "ongoing", "planned", "expected"), weights=(6, 1, 2, 2)
            )[0]
            people = rng.sample(actors, min(len(actors), rng.randint(2, 4)))
            city = rng.choice(_CITIES)
            iso, when_words = _when(rng, status, published)
            verb = {
                "happened": "met",
                "ongoing": "are meeting",
                "planned": "will meet",
                "expected": "are expected to meet",
            }[status]
            names = [p.name for p in people]
            who = ", ".join(names[:-1]) + f" and {names[-1]}"
            evidence = f"{who} {verb} in {city} {when_words} to discuss {words.phrase(rng, 3, 8)}."
            sentences.append(evidence)
            meeting_id = f"{article_id}-m{number}"
            meeting_participants.append((meeting_id, {p.id for p in people}))
            title = f"{names[0]} and {names[1]} in {city}"
            meetings.append(
                f"  - id: {meeting_id}\n"
                f"    title: {_q(title)}\n"
                f"    when: {_q(iso)}\n"
                f"    where: {city}\n"
                f"    status: {status}\n"
                f"    participants: {_ids([p.id for p in people])}\n"
                f"    summary: {_q(words.sentence(rng) + '.')}\n"
                f"    evidence:\n      - {_q(evidence)}\n"
            )

        quotes: list[str] = []
        for number in range(1, QUOTES_PER_ARTICLE + 1):
            speaker = rng.choice(speakers)
            text = words.sentence(rng, 7, 20)
            kind = rng.choices(("direct", "paraphrase", "reported"), weights=(6, 2, 2))[0]
            attended = [m for m, people in meeting_participants if speaker.id in people]
            meeting = (
                rng.choice(attended)
                if attended and rng.random() < 0.6
                else rng.choice(meeting_participants)[0]
                if rng.random() < 0.25
                else None
            )
            lines = [
                f"  - id: {article_id}-q{number}",
                f"    text: {_q(text if kind == 'direct' else text + '.')}",
                f"    speaker: {speaker.id}",
                f"    kind: {kind}",
            ]
            if meeting:
                lines.append(f"    meeting: {meeting}")
            if kind == "direct":
                if rng.random() < 0.5:
                    sentences.append(f"“{text},” said {speaker.name}.")
                else:
                    sentences.append(f"{speaker.name} said: “{text}.”")
            else:
                lowered = text[0].lower() + text[1:]
                if kind == "paraphrase":
                    evidence = f"{speaker.name} said that {lowered}."
                else:
                    source = rng.choice(_OUTLETS)
                    evidence = (
                        f"According to {source}, {speaker.name} told officials that {lowered}."
                    )
                sentences.append(evidence)
                lines.append(f"    evidence:\n      - {_q(evidence)}")
            quotes.append("\n".join(lines) + "\n")

        sentences += [words.sentence(rng) + "." for _ in range(rng.randint(20, 35))]
        first, rest = sentences[0], sentences[1:]
        rng.shuffle(rest)
        ordered = [first, *rest]
        paragraphs = []
        while ordered:
            take = rng.randint(2, 4)
            paragraphs.append(" ".join(ordered[:take]))
            ordered = ordered[take:]

        title = f"{actors[0].name} and {actors[1].name} hold talks on {words.topic(rng, 2)}"
        actor_yaml = []
        for actor in actors:
            lines = [
                f"  - id: {actor.id}",
                f"    name: {_q(actor.name)}",
                f"    kind: {actor.kind}",
            ]
            if actor.role:
                lines.append(f"    role: {_q(actor.role)}")
            if actor.parent and actor.parent in present:
                lines.append(f"    member_of: [{actor.parent}]")
            if actor.alias:
                lines.append(f"    aliases: [{_q(actor.alias)}]")
            actor_yaml.append("\n".join(lines) + "\n")

        body = "\n\n".join(paragraphs)
        text = (
            "article:\n"
            f"  id: {article_id}\n"
            f"  title: {_q(title)}\n"
            f"  source: {_q(rng.choice(_OUTLETS))}\n"
            f"  url: https://news.example/{article_id}\n"
            f"  published: {published.isoformat()}\n"
            "  body: |\n"
            + "".join(f"    {line}\n" if line else "\n" for line in body.split("\n"))
            + "actors:\n"
            + "".join(actor_yaml)
            + "meetings:\n"
            + "".join(meetings)
            + "quotes:\n"
            + "".join(quotes)
        )
        return article_id, text


def generate(count: int, seed: int = 0) -> Iterator[tuple[str, str]]:
    """(article id, YAML text) for articles 0 … count-1."""
    generator = Generator(seed)
    for index in range(count):
        yield generator.article(index)


def write_corpus(count: int, out_dir: str | Path, seed: int = 0) -> list[Path]:
    """Write `count` article files into `out_dir` (created if needed); returns their paths."""
    folder = Path(out_dir)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for article_id, text in generate(count, seed):
        path = folder / f"{article_id}.yaml"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m explorer.bench.corpus",
        description="Write N synthetic article files (format v1) into OUT_DIR.",
    )
    parser.add_argument("count", metavar="N", type=int, help="how many articles")
    parser.add_argument("out_dir", metavar="OUT_DIR", type=Path, help="folder to write into")
    parser.add_argument("--seed", type=int, default=0, help="the same seed gives the same files")
    args = parser.parse_args(argv)
    if args.count < 0:
        parser.error("N must be 0 or more")
    if args.out_dir.exists() and not args.out_dir.is_dir():
        parser.error(f"{args.out_dir} exists and is not a folder")
    paths = write_corpus(args.count, args.out_dir, args.seed)
    print(f"wrote {len(paths)} article file(s) to {args.out_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
