"""The offline map: committed admin-1 polygons, and the script that extracts them."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import yaml

from ceasefire.web.router import STATIC

REPO = Path(__file__).resolve().parent.parent
COUNTRY_PACK = REPO / "src" / "ceasefire" / "data" / "countries" / "SY.yaml"


def _build_map():
    spec = importlib.util.spec_from_file_location("build_map", REPO / "scripts" / "build_map.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_web_map_has_every_governorate_named_as_events_name_them():
    collection = json.loads((STATIC / "maps" / "SY.geojson").read_text(encoding="utf-8"))
    governorates = [f["properties"]["name"] for f in collection["features"] if f["properties"]["admin1"]]
    pack = yaml.safe_load(COUNTRY_PACK.read_text(encoding="utf-8"))
    assert sorted(governorates) == sorted(area["name"] for area in pack["admin1"])
    assert len(governorates) == 14
    assert "Natural Earth" in collection["credit"]
    assert (STATIC / "maps" / "SY.geojson").stat().st_size < 60_000  # simplified


def test_web_map_simplify_keeps_corners_and_drops_collinear_points():
    build_map = _build_map()
    line = [[0.0, 0.0], [0.5, 0.0001], [1.0, 0.0], [1.0, 1.0]]
    assert build_map.simplify(line, 0.01) == [[0.0, 0.0], [1.0, 0.0], [1.0, 1.0]]


def test_web_map_extracts_one_country_and_marks_non_governorates():
    build_map = _build_map()
    square = {"type": "Polygon", "coordinates": [[[0, 0], [0, 1], [1, 1], [1, 0], [0, 0]]]}
    sliver = {"type": "Polygon", "coordinates": [[[0, 0], [0.0001, 0], [0, 0.0001], [0, 0]]]}
    admin1 = {"features": [
        {"properties": {"iso_a2": "ZZ", "name": "North", "gn_a1_code": "ZZ.01"}, "geometry": square},
        {"properties": {"iso_a2": "ZZ", "name": "Buffer", "gn_a1_code": "ZZ."}, "geometry": square},
        {"properties": {"iso_a2": "ZZ", "name": "Speck", "gn_a1_code": "ZZ.02"}, "geometry": sliver},
        {"properties": {"iso_a2": "YY", "name": "Elsewhere", "gn_a1_code": "YY.01"}, "geometry": square},
    ]}
    features = build_map.country_features(admin1, "ZZ", tolerance=0.01, digits=3)
    assert [(f["properties"]["name"], f["properties"]["admin1"]) for f in features] == [
        ("Buffer", False), ("North", True)]
