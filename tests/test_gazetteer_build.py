"""Building and opening the offline gazetteer: sources, pack, supplement, other countries, CLI."""
from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from ceasefire.cli import cli
from ceasefire.errors import InputError, ValidationError
from ceasefire.resolve import gazetteer as gz
from ceasefire.resolve.gazetteer import (
    Gazetteer, build_gazetteer, iter_geonames, load_country_pack, load_supplement, surface_variants,
)
from ceasefire.resolve.places import Romanisation, name_key

CANONICAL = {"Aleppo", "Al-Hasakah", "Raqqa", "As-Suwayda", "Damascus", "Daraa", "Deir ez-Zor", "Hama",
             "Homs", "Idlib", "Latakia", "Quneitra", "Rif Dimashq", "Tartus"}
SYRIA_BOX = (32.3, 37.4, 35.6, 42.4)  # south, north, west, east


@pytest.fixture(scope="module")
def syria(tmp_path_factory) -> Gazetteer:
    """The index at the session's default place, so every test (and the CLI) shares one build."""
    home = os.environ.get("CEASEFIRE_TEST_HOME") or str(tmp_path_factory.getbasetemp() / "home")
    return Gazetteer.open("SY", Path(home) / "gazetteer" / "SY.sqlite")


def test_gazetteer_streams_cities_across_chunk_boundaries(tmp_path):
    rows = {str(i): {"geonameid": i, "name": f"Place {{{i}}}", "countrycode": "SY" if i % 3 else "LB",
                     "admin1code": "01", "population": i, "latitude": 1.0, "longitude": 2.0,
                     "alternatenames": [f"Alt \"{i}\"", "x" * (i % 50)]} for i in range(1, 200)}
    path = tmp_path / "cities.json"
    path.write_text(json.dumps(rows), encoding="utf-8")
    streamed = list(iter_geonames("SY", path, chunk=97))
    assert [r["geonameid"] for r in streamed] == [i for i in range(1, 200) if i % 3]
    assert streamed[0] == rows["1"]
    assert len(list(iter_geonames(None, path, chunk=97))) == 199  # every country's


def test_gazetteer_knows_cities_abroad_that_no_place_here_is_called(syria):
    abroad = set(syria.abroad_names())
    assert {"Ankara", "Gaziantep", "Kilis", "Beirut", "Mosul", "Amman", "Reyhanli", "Akcakale"} <= abroad
    assert not abroad & {"Damascus", "Aleppo", "Homs", "Sinjar"}  # Syria's own (Sinjar: a village in Idlib)
    assert all(syria.lookup(name)[0] not in ("exact", "bare") for name in abroad)


def test_gazetteer_reads_syria_from_cities500():
    rows = list(iter_geonames("SY"))
    assert len(rows) > 250
    assert {r["countrycode"] for r in rows} == {"SY"}
    assert any(r["name"] == "Aleppo" and r["admin1code"] == "09" for r in rows)


def test_gazetteer_pack_lists_the_fourteen_governorates():
    pack = load_country_pack("SY")
    assert {r.name for r in pack.admin1} == CANONICAL
    assert sorted(r.geonames for r in pack.admin1) == [f"{i:02d}" for i in range(1, 15)]
    assert len({r.iso for r in pack.admin1}) == 14


def test_gazetteer_governorate_capitals_sit_in_their_admin1_code():
    """The pack's GeoNames codes are right when each capital is found in its own code group."""
    pack = load_country_pack("SY")
    rows = list(iter_geonames("SY"))
    for region in (r for r in pack.admin1 if r.capital):
        group = {name_key(n) for r in rows if r["admin1code"] == region.geonames for n in [r["name"], *r["alternatenames"]]}
        assert name_key(region.capital) in group, region.name


def test_gazetteer_every_pack_variant_names_its_governorate(syria):
    for region in load_country_pack("SY").admin1:
        for variant in (region.name, *region.variants):
            assert syria.admin1(variant) == region.name, variant


def test_gazetteer_build_records_sources_and_counts(syria):
    meta = syria.meta
    assert "GeoNames" in meta["attribution"] and "CC BY 4.0" in meta["license"]
    counts = syria.counts()
    assert counts["admin1"] == 14 and counts["country"] == 1
    assert counts["supplement"] >= 50
    assert counts["places"] > 350 and counts["names"] > 5000
    assert syria.path.stat().st_size < 3 * 1024 * 1024


def test_gazetteer_every_governorate_has_coordinates_in_syria(syria):
    south, north, west, east = SYRIA_BOX
    for name in CANONICAL:
        place = syria.admin1_place(name)
        assert place.kind == "admin1" and place.geo_precision == 3
        assert south < place.latitude < north and west < place.longitude < east, name


def test_gazetteer_supplement_homonyms_part_by_governorate(syria):
    assert syria.resolve("Zahraa", near_admin1="Homs").admin1 == "Homs"
    assert syria.resolve("Zahraa", near_admin1="Aleppo").admin1 == "Aleppo"


def test_gazetteer_supplement_places_resolve_to_themselves(syria):
    south, north, west, east = SYRIA_BOX
    for row in load_supplement("SY", CANONICAL):
        if "geonameid" in row:  # extra spellings of a GeoNames place
            named = {syria.resolve(alias).geonameid for alias in row["aliases"]}
            assert named == {row["geonameid"]}, row["aliases"]
            continue
        assert south < row["latitude"] < north and west < row["longitude"] < east, row["name"]
        for name in (row["name"], *(row.get("aliases") or [])):
            place = syria.resolve(name, near_admin1=row["admin1"])  # homonyms part by governorate
            assert place is not None and place.name == row["name"], (name, place)
            assert place.admin1 == row["admin1"]


def test_gazetteer_bad_supplement_names_file_line_and_field(tmp_path):
    path = tmp_path / "XX.supplement.yaml"
    path.write_text("places:\n  - {name: Zara, kind: village, admin1: Hama, lat: 34.9, lon: 36.6, source: a}\n"
                    "  - name: Nowhere\n    kind: village\n    admin1: Atlantis\n    lat: 1\n    lon: 2\n"
                    "    source: b\n", encoding="utf-8")
    with pytest.raises(ValidationError) as caught:
        load_supplement("XX", CANONICAL, path)
    message = str(caught.value)
    assert str(path) in message and ":3:" in message and "admin1" in message and "Atlantis" in message


def test_gazetteer_bad_coordinates_are_refused(tmp_path):
    path = tmp_path / "XX.supplement.yaml"
    path.write_text("places:\n  - {name: Zara, kind: village, admin1: Hama, lat: 134.9, lon: 36.6, source: a}\n")
    with pytest.raises(ValidationError, match="'lat'"):
        load_supplement("XX", CANONICAL, path)


def test_gazetteer_broken_pack_yaml_is_one_clear_error(tmp_path):
    path = tmp_path / "XX.yaml"
    path.write_text("iso: XX\nname: [unclosed\n")
    with pytest.raises(ValidationError) as caught:
        load_country_pack("XX", path)
    assert str(path) in str(caught.value) and "E230" in str(caught.value)


def test_gazetteer_variants_cover_articles_and_words():
    roman = Romanisation(articles=["al", "ash"], variants=[["Kafr", "Kafar", "Kfar"], ["Jisr", "Jesr"]])
    forms = surface_variants("Jisr ash Shughur", roman)
    assert {"Jisr al-Shughur", "Jisr ash-Shughur", "Jesr ash Shughur"} <= set(forms)
    assert "Kafar Nabl" in surface_variants("Kafr Nabl", roman)
    assert "Mayadin" in surface_variants("Al Mayadin", roman)
    assert "Bab" not in surface_variants("Al Bab", roman)  # too short to stand without its article


def test_gazetteer_builds_lebanon_and_yemen_from_geonames_alone(tmp_path):
    for country, city in (("LB", "Beirut"), ("YE", "Aden")):
        index = Gazetteer.open(country, build_gazetteer(country, tmp_path / f"{country}.sqlite"))
        assert index.country == country
        place = index.resolve(city)
        assert place is not None and place.kind == "city" and place.admin1 is not None
        assert index.counts()["admin1"] >= 8


def test_gazetteer_unknown_country_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="E130"):
        build_gazetteer("XQ", tmp_path / "XQ.sqlite")


def test_gazetteer_open_builds_once_and_caches(tmp_path):
    path = tmp_path / "LB.sqlite"
    first = Gazetteer.open("LB", path)
    assert path.is_file()
    assert Gazetteer.open("lb", path) is first


def test_gazetteer_open_rebuilds_a_stale_index(tmp_path):
    path = build_gazetteer("LB", tmp_path / "LB.sqlite")
    with sqlite3.connect(path) as db:
        db.execute("UPDATE meta SET value = 'old' WHERE key = 'fingerprint'")
    gz._OPEN.pop(("LB", str(path), os.getpid()), None)
    Gazetteer.open("LB", path)
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT value FROM meta WHERE key = 'fingerprint'").fetchone()[0] != "old"


def test_gazetteer_default_path_is_under_home(monkeypatch, tmp_path):
    monkeypatch.setenv("CEASEFIRE_HOME", str(tmp_path))
    assert gz.default_path("sy") == Path(tmp_path) / "gazetteer" / "SY.sqlite"


def test_gazetteer_cli_build_and_lookup(tmp_path):
    runner = CliRunner()
    out = tmp_path / "LB.sqlite"
    result = runner.invoke(cli, ["gazetteer", "build", "--country", "LB", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert str(out) in result.output and "admin1" in result.output and out.is_file()
    result = runner.invoke(cli, ["gazetteer", "lookup", "Suran", "--country", "SY", "--context", "Suran, Aleppo"])
    assert result.exit_code == 0, result.output
    assert "2 candidate(s)" in result.output and "resolved: Suran [village] admin1=Aleppo" in result.output


def test_gazetteer_cli_unknown_country_is_one_line(tmp_path):
    result = CliRunner().invoke(cli, ["gazetteer", "build", "--country", "XQ", "--out", str(tmp_path / "x")])
    assert result.exit_code != 0
    assert "E130" in result.output and "Traceback" not in result.output
