"""Place mentions -> Place: name keys, phonetic keys, and resolution with the sentence as context.

The gazetteer (gazetteer.py) stores every surface form of a place under three keys of rising
tolerance; this module computes those keys and decides, for one mention in its sentence, which
candidate is meant and how precisely (ACLED geo_precision: 1 the place itself, 2 near it or part of
a region, 3 only the governorate).
"""
from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING, Iterable

from ceasefire.resolve.patterns import ASCII_LOWER, Folded, fold

if TYPE_CHECKING:
    from ceasefire.resolve.gazetteer import Gazetteer

KINDS = ("country", "admin1", "city", "town", "village", "district", "site")

# Marks that romanisations use for ayn and hamza, dropped before comparing names.
_MARKS = "ʿʾʼʻ‘’'`´ʹ"


@dataclass(frozen=True)
class Place:
    name: str
    admin1: str | None
    admin2: str | None
    country: str
    latitude: float | None
    longitude: float | None
    kind: str  # one of KINDS
    population: int | None
    geonameid: int | None
    geo_precision: int  # 1 the place itself, 2 near it / part of a region, 3 only the governorate


# --- keys --------------------------------------------------------------------------------------

@lru_cache(maxsize=1 << 16)
def name_key(text: str) -> str:
    """Lower-case ASCII words: 'Ḩamāh' -> 'hamah', "Dar'a" -> 'dara', 'al-Bab' -> 'al bab'."""
    text = display_name(text).lower().replace("ı", "i")
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text).split())


class Romanisation:
    """A language's article list and phonetic rewrites (data/gazetteer/transliteration.yaml)."""

    def __init__(self, articles: Iterable[str] = (), phonetic: Iterable[tuple[str, str]] = (),
                 variants: Iterable[Iterable[str]] = ()):
        self.articles = frozenset(a.lower() for a in articles)
        self.phonetic = [(re.compile(pattern), repl) for pattern, repl in phonetic]
        self.variants = [tuple(group) for group in variants]
        # a written article before a word: "al-Bab", "ash Shughur"
        self.article_re = re.compile(
            r"(?i)\b(" + "|".join(sorted(self.articles, key=len, reverse=True)) + r")[\s-](?=\w)") if self.articles else None
        self.variant_res = [
            (re.compile(r"(?i)(?<![\w'])(" + "|".join(re.escape(w) for w in group) + r")(?![\w'])"), group)
            for group in self.variants]
        # sun-letter assimilation written solid: "Assubul", "Arraqqa", "Ezzor"
        self._solid = re.compile(r"^(?:[ae]l(?=[a-z]{3})|[ae]([tdrzsn])(?=\1[a-z]{2}))")

    def bare_tokens(self, key: str) -> list[str]:
        """Name words without articles, keeping the first word when it is all there is."""
        tokens = key.split()
        kept = [t for t in tokens if t not in self.articles] or tokens[-1:]
        if not kept:
            return []
        return [kept[0]] + [self._solid.sub("", t) or t for t in kept[1:]]

    def bare_key(self, key: str) -> str:
        """'at tabqah' -> 'tabqa': no articles, no doubled letters, no final vowel-h."""
        text = " ".join(self.bare_tokens(key))
        text = re.sub(r"([a-z])\1+", r"\1", text)
        return re.sub(r"(?<=[aeiou])h\b", "", text)

    def phonetic_key(self, key: str) -> str:
        """Consonant skeleton: 'kafranbil' and 'kafr nabl' -> 'kfrnbl'; 'saraqeb' -> 'srkb'."""
        text = "".join(self.bare_tokens(key))
        for pattern, repl in self.phonetic:
            text = pattern.sub(repl, text)
        text = re.sub(r"[aeiouyw]", "", text)
        return re.sub(r"([a-z])\1+", r"\1", text)


def edit_distance(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def fuzzy_allowed(phon: str, bare_a: str, bare_b: str) -> bool:
    """Short names never match by sound alone ('Zara' is not 'Az Ziyarah')."""
    if len(phon) >= 4 and min(len(bare_a), len(bare_b)) >= 6:
        return True
    return len(phon) == 3 and min(len(bare_a), len(bare_b)) >= 5 and edit_distance(bare_a, bare_b) <= 1


# --- surface forms ----------------------------------------------------------------------------

def display_name(name: str) -> str:
    """'Dārayyā' -> 'Darayya', 'I‘zāz' -> 'Izaz': how English-language records spell a name."""
    text = unicodedata.normalize("NFKD", name)
    return "".join(ch for ch in text if not unicodedata.combining(ch) and ch not in _MARKS)


def surface_variants(name: str, roman: Romanisation, limit: int = 24) -> list[str]:
    """Spellings reports use for one name: article styles, dropped article, word variants."""
    forms = [name]
    article = roman.article_re
    if article is not None and article.search(name):
        for style in ("{}-", "{} ", "al-", "al "):
            forms.append(article.sub(lambda m: style.format(m.group(1)), name))
        bare = article.sub("", name, count=1) if article.match(name) else None
        if bare and len(name_key(bare)) >= 5:
            forms.append(bare)
    for pattern, group in roman.variant_res:
        for form in list(forms):
            found = pattern.search(form)
            if found:
                word = found.group(1).lower()
                forms += [pattern.sub(other, form) for other in group if other.lower() != word]
    seen, out = set(), []
    for form in forms:
        if form not in seen:
            seen.add(form)
            out.append(form)
    return out[:limit]


# --- context cues ------------------------------------------------------------------------------

# Words before or after a name that say how the name is used. Order matters: longest first.
_BEFORE = [
    (r"(?:the\s+)?(?:city|town|centre|center)\s+of", "city"),
    (r"(?:the\s+)?(?:village|neighbou?rhood|district|quarter|suburb|camp|hamlet)\s+of", "city"),
    (r"(?:the\s+)?(?:province|governorate|region)\s+of", "province"),
    (r"(?:the\s+)?(?:countryside|outskirts|environs|vicinity|edge|edges)\s+of", "near"),
    (r"(?:northern|southern|eastern|western|central|north|south|east|west|rural)\s+countryside\s+of", "rural"),
    (r"rural|the\s+rural", "rural"),
    (r"(?:northern|southern|eastern|western|north-?western|north-?eastern|south-?western|south-?eastern)", "part"),
    (r"(?:near|nearby|around|outside|close\s+to|(?:north|south|east|west)(?:-?(?:east|west))?\s+of|"
     r"km\s+(?:from|of)|kilometres\s+(?:from|of)|kilometers\s+(?:from|of)|miles\s+(?:from|of))", "near"),
]
_AFTER = [
    (r"city|town|centre|center", "city"),
    (r"province|governorate|muhafazah|region", "province"),
    (r"countryside|rural\s+areas?", "rural"),
    (r"outskirts|suburbs|environs", "near"),
]
_BEFORE_RE = Folded(r"(?:" + "|".join(f"(?P<b{i}>\\b{p})" for i, (p, _) in enumerate(_BEFORE)) + r")\s+$")
_AFTER_RE = Folded(r"^(?:'s)?\s+(?:" + "|".join(f"(?P<a{i}>{p})" for i, (p, _) in enumerate(_AFTER)) + r")\b")

PRECISION = {"city": 1, "province": 3, "rural": 2, "part": 2, "near": 2, None: 1}


def mention_cue(mention: str, context: str, whole: bool = False, at: int | None = None
                ) -> tuple[str, str | None, int]:
    """(core name, cue, where the core name starts in context or -1).

    The cue says how the name is used: 'city', 'province', 'rural', 'part' (northern X) or 'near',
    read first from words inside the mention ("rural Idlib", "Aleppo city"), then from the words
    around it in the context. With `whole`, the mention is a name as it stands ("rural Damascus").
    `at`: where the mention starts in context, when known (else its first occurrence is taken).
    """
    core, cue = (mention.strip(), None) if whole else _strip_cue_words(mention.strip())
    position = -1
    if context:
        outer = at if at is not None else _find(context, mention.strip())
        position = outer + mention.strip().find(core) if outer >= 0 else _find(context, core)
    if cue is None and position >= 0:
        before = _BEFORE_RE.search(context[max(0, position - 60):position])
        after = _AFTER_RE.match(context[position + len(core):position + len(core) + 40])
        said_before = _BEFORE[int(before.lastgroup[1:])][1] if before else None
        said_after = _AFTER[int(after.lastgroup[1:])][1] if after else None
        if said_before == "part" and said_after == "city":
            cue = "near"
        else:
            cue = said_before or said_after
    return core, cue, position


_LEADING_CUES = [(Folded(rf"^(?:{p})\s+(?P<rest>.{{2,}})$"), label) for p, label in _BEFORE]
_TRAILING_CUES = [(Folded(rf"^(?P<rest>.{{2,}}?)(?:'s)?\s+(?:{p})$"), label) for p, label in _AFTER]


def _strip_cue_words(core: str) -> tuple[str, str | None]:
    if " " not in core.strip():
        return core, None  # one word carries no cue words
    folded = fold(core)
    for pattern, label in _LEADING_CUES:
        m = pattern.match(core, folded)
        if m:
            return _strip_after(core[m.start("rest"):m.end("rest")], label)  # matched folded: cut the original
    return _strip_after(core, None)


def _strip_after(core: str, cue: str | None) -> tuple[str, str | None]:
    folded = fold(core)
    for pattern, label in _TRAILING_CUES:
        m = pattern.match(core, folded)
        if m:
            return core[m.start("rest"):m.end("rest")].rstrip(), cue or label
    return core, cue


def _find(context: str, name: str) -> int:
    """Where `name` first stands as a whole word in `context`, ignoring case; -1 if nowhere."""
    folded = fold(context) if name and name.isascii() else None
    if folded is None:  # letters whose case ASCII folding does not settle: the regular expression
        m = re.search(rf"(?<!\w){re.escape(name)}(?!\w)", context, re.I)
        return m.start() if m else -1
    needle = name.translate(ASCII_LOWER)
    at = folded.find(needle)
    while at >= 0:
        end = at + len(needle)
        if not (at and _is_word(folded[at - 1])) and not (end < len(folded) and _is_word(folded[end])):
            return at
        at = folded.find(needle, at + 1)
    return -1


def _is_word(char: str) -> bool:
    """What \\w matches in a str pattern."""
    return char.isalnum() or char == "_"


# --- resolution --------------------------------------------------------------------------------

def resolve(gazetteer: "Gazetteer", mention: str, context: str = "", near_admin1: str | None = None,
            at: int | None = None) -> Place | None:
    """The place a mention names, read with its sentence (`at`: where it stands there, if known);
    None when nothing fits."""
    if at is not None and context[at:at + len(mention.strip())] != mention.strip():
        at = None
    mention = re.sub(r"['’]s$", "", mention.strip())  # "Idlib's countryside" arrives as "Idlib's"
    core, cue, position = mention_cue(mention, context, at=at)
    if core != mention.strip() and gazetteer.lookup(mention)[0] == "exact":
        # a name that merely looks like cue words around another ("rural Damascus" is Rif Dimashq)
        region = gazetteer.admin1_exact(mention)
        if region is None or region != gazetteer.admin1(core):
            core, cue, position = mention_cue(mention, context, whole=True, at=at)
    if not name_key(core):
        return None
    # "rural Damascus" said as "Damascus" + "countryside" is a governorate of its own
    wider = _wider_admin1(gazetteer, core, context, position)
    if wider:
        return _as_admin1(gazetteer, wider, 3)
    level, found = gazetteer.lookup(core)
    near = near_admin1 and gazetteer.admin1(near_admin1) or _context_admin1(gazetteer, context, position, core)
    regions = [p for p in found if p.kind == "admin1"]
    places = [p for p in found if p.kind not in ("admin1", "country")]
    countries = [p for p in found if p.kind == "country"]
    if not found:
        return _part_of_name(gazetteer, core, near) or _unlisted(gazetteer, core, near)
    if level == "phonetic" and near and not any(p.admin1 == near for p in found):
        unlisted = _unlisted(gazetteer, core, near)
        if unlisted:
            return unlisted
    if countries and not places and not regions:
        return countries[0]
    if regions:
        region = regions[0]
        capital = [p for p in places if p.admin1 == region.admin1]
        if cue == "city" or (cue in (None, "near") and gazetteer.is_city_admin1(region.admin1)):
            if capital:
                return _with_precision(capital[0], PRECISION[cue])
        if cue == "near" and capital:
            return _with_precision(capital[0], 2)
        others = [p for p in places if p.admin1 != region.admin1]
        if not (others and near and any(p.admin1 == near for p in others) and near != region.admin1):
            return _as_admin1(gazetteer, region.admin1, PRECISION[cue] if cue in ("rural", "part") else 3)
    chosen = _choose(places, near)
    if chosen is None:
        return None
    return _with_precision(chosen, 2 if cue in ("near", "part", "rural") else 1)


def _choose(places: list[Place], near: str | None) -> Place | None:
    if not places:
        return None
    if near:
        local = [p for p in places if p.admin1 == near]
        if local:
            places = local
    return max(places, key=lambda p: (p.population or 0, p.kind in ("city", "town")))


def _with_precision(place: Place, precision: int) -> Place:
    return place if place.geo_precision == precision else replace(place, geo_precision=precision)


def _as_admin1(gazetteer: "Gazetteer", admin1: str, precision: int) -> Place | None:
    region = gazetteer.admin1_place(admin1)
    return _with_precision(region, precision) if region else None


def _part_of_name(gazetteer: "Gazetteer", core: str, near: str | None) -> Place | None:
    """'Sidnaya Military Prison' or 'Hama Central Prison' lie in the town their leading words name:
    that town, at precision 2. Only leading words: 'Kafr Sousa' is not in a place called Sousa."""
    words = core.split()
    for size in range(len(words) - 1, 0, -1):
        part = " ".join(words[:size])
        if len(name_key(part)) < 4:
            continue
        places = [p for p in gazetteer.lookup(part)[1] if p.kind not in ("admin1", "country")]
        region = gazetteer.admin1(part)
        if region:  # a governorate's name stands for its capital here
            places = [p for p in places if p.admin1 == region]
        chosen = _choose(places, near)
        if chosen and (near is None or chosen.admin1 == near):
            return _with_precision(chosen, 2)
    return None


def _unlisted(gazetteer: "Gazetteer", core: str, near: str | None) -> Place | None:
    """A name the index lacks, placed in the governorate its sentence names (precision 3)."""
    if not near or not core[:1].isupper() or len(name_key(core)) < 3:
        return None
    region = gazetteer.admin1_place(near)
    return site_at(region, core, 3) if region is not None else None


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine, mean Earth radius)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))


def site_at(place: Place, name: str, precision: int) -> Place:
    """A name the index lacks, located at a known place's point: a governorate's (precision 3)
    or a town's or area's (precision 2)."""
    return replace(place, name=name.strip(), kind="site", population=None, geonameid=None, geo_precision=precision)


def _wider_admin1(gazetteer: "Gazetteer", core: str, context: str, position: int) -> str | None:
    """'Damascus' followed by 'countryside' or preceded by 'rural' may name another governorate."""
    if position < 0:
        return None
    plain = gazetteer.admin1(core)
    before = re.search(r"(\w+)\s+$", context[max(0, position - 40):position])
    after = re.match(r"\s*(?:'s\s+)?(\w+)", context[position + len(core):])
    for phrase in ((before.group(1) + " " + core) if before else None, (core + " " + after.group(1)) if after else None):
        if phrase:
            wider = gazetteer.admin1_exact(phrase)
            if wider and wider != plain:
                return wider
    return None


def _context_admin1(gazetteer: "Gazetteer", context: str, position: int, core: str) -> str | None:
    """The governorate named nearest the mention, preferring one said to be a province."""
    if not context:
        return None
    best: tuple[int, int, str] | None = None
    for start, end, admin1, said_province in gazetteer.admin1_mentions(context):
        if position >= 0 and start < position + len(core) and end > position:
            continue  # the mention itself
        if position < 0 and name_key(context[start:end]) == name_key(core):
            continue
        rank = (0 if said_province else 1, abs(start - position) if position >= 0 else start)
        if best is None or rank < best[:2]:
            best = (*rank, admin1)
    return best[2] if best else None
