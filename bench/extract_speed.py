"""Extraction speed against the bare spaCy pipeline it runs, on one and two workers, and the
memory of a worker.

    .venv/bin/python bench/extract_speed.py                   # FA-KES dev articles
    .venv/bin/python bench/extract_speed.py --docs FILE.jsonl # any batch (EVENTS.md input form)

In one run, on the same texts:

1. bare: `nlp.pipe` over the texts (repeated `--copies` times) with the model and kept components
   of data/pipeline.yaml (`ceasefire.extract.pipeline.settings()`), none of ceasefire's
   components; model load and a short warm-up apart.
2. `ceasefire extract --docs FILE --format jsonl --workers 1`, then `--workers 2`, each as a
   subprocess, timed whole (interpreter start and model load included) on the file and on the
   file repeated `--copies` times (default 5); the difference gives the steady-state rate, without
   start-up, over enough articles that a second of noise moves it little.

CPU seconds (user + system, all processes of the command) are reported too: on a busy machine
the per-CPU-second rates move less than wall-clock ones. `--repeat N` measures N times and
reports the median of each rate.
Peak memory is each process's VmHWM (high-water RSS) from /proc, polled while the command runs,
and the largest RSS of any child process from getrusage(RUSAGE_CHILDREN). Targets are printed
beside the numbers: steady-state ratio extract/bare >= 0.7 on one process, two workers >= 1.6x
one, peak memory <= 600 MB per worker. Timings depend on the machine and what else it runs.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DOCS = REPO.parent / "shared" / "data" / "fakes_dev.docs.jsonl"
CEASEFIRE = Path(sys.executable).with_name("ceasefire")
TARGETS = {"ratio": 0.7, "speedup": 1.6, "worker_mb": 600}
COPIES = 5


def read_docs(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def bare_pipe(texts: list[str]) -> dict[str, float]:
    """The spaCy pipeline extraction runs on, alone: seconds to load and to pipe the texts (a
    warm-up pass over the first texts first, as extraction's steady state has one too)."""
    from ceasefire.extract.pipeline import model_pipeline, settings

    config = settings()
    started = time.perf_counter()
    nlp = model_pipeline()  # the model as extraction configures it, without our components
    for _ in nlp.pipe(texts[:64], batch_size=config.batch_size):
        pass
    loaded, cpu = time.perf_counter(), time.process_time()
    sentences = sum(len(list(doc.sents)) for doc in nlp.pipe(texts, batch_size=config.batch_size))
    done = time.perf_counter()
    return {"load_s": loaded - started, "pipe_s": done - loaded, "pipe_cpu_s": time.process_time() - cpu,
            "sentences": sentences, "components": list(nlp.pipe_names)}


def _tree(root: int) -> list[int]:
    """The process and its descendants, from /proc."""
    parents: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", encoding="ascii", errors="replace") as handle:
                ppid = int(handle.read().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        parents.setdefault(ppid, []).append(int(entry.name))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(parents.get(pid, ()))
    return found


def _high_water_kb(pid: int) -> int | None:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii", errors="replace") as handle:
            for line in handle:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        return None
    return None


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_extract(docs: Path, workers: int, out: Path) -> dict[str, Any]:
    """One run of `ceasefire extract`: seconds, CPU and the peak memory of its processes."""
    command = [str(CEASEFIRE), "extract", "--docs", str(docs), "--format", "jsonl", "--workers", str(workers),
               "-o", str(out)]
    peaks: dict[int, int] = {}
    cpu = _children_cpu()
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    while process.poll() is None:
        for pid in _tree(process.pid):
            kb = _high_water_kb(pid)
            if kb:
                peaks[pid] = max(peaks.get(pid, 0), kb)
        time.sleep(0.05)
    seconds = time.perf_counter() - started
    errors = process.stderr.read() if process.stderr else ""
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed ({process.returncode}):\n{errors[-2000:]}")
    main_kb = peaks.get(process.pid, 0)
    worker_kb = [kb for pid, kb in peaks.items() if pid != process.pid]
    return {"seconds": seconds, "cpu_s": _children_cpu() - cpu, "main_mb": main_kb / 1024,
            "worker_mb": max(worker_kb) / 1024 if worker_kb else main_kb / 1024,
            "events": sum(1 for _ in out.open(encoding="utf-8"))}


def measure(docs_path: Path, repeat: int = 1, copies: int = COPIES) -> dict[str, Any]:
    """Bare and extract rates; `repeat` > 1 keeps the median of each rate over the runs."""
    runs = [_measure_once(docs_path, copies) for _ in range(repeat)]
    result = runs[len(runs) // 2]
    if repeat > 1:
        for path in (("bare", "rate"), ("bare", "rate_cpu"), ("workers_1", "rate_steady"),
                     ("workers_1", "rate_steady_cpu"), ("workers_2", "rate_steady"), ("workers_2", "rate_steady_cpu"),
                     ("workers_1", "rate_whole"), ("workers_2", "rate_whole")):
            values = [run[path[0]][path[1]] for run in runs if run[path[0]][path[1]] is not None]
            result[path[0]][path[1]] = statistics.median(values) if values else None
        for name in ("workers_1", "workers_2"):
            result[name]["worker_mb"] = max(run[name]["worker_mb"] for run in runs)
    return _ratios(result)


def _measure_once(docs_path: Path, copies: int) -> dict[str, Any]:
    docs = read_docs(docs_path)
    n = len(docs)
    extra = n * (copies - 1)  # what the many-copies run does beyond the one-copy run
    result: dict[str, Any] = {"docs": str(docs_path), "articles": n, "copies": copies, "cpus": os.cpu_count(),
                              "load_average": os.getloadavg()[0]}
    bare = bare_pipe([d.get("text") or "" for d in docs] * copies)
    result["bare"] = {**bare, "rate": n * copies / bare["pipe_s"], "rate_cpu": n * copies / bare["pipe_cpu_s"]}
    with tempfile.TemporaryDirectory() as folder:
        once = Path(docs_path)
        many = Path(folder) / "copies.jsonl"
        many.write_text("".join(json.dumps(dict(d, id=f"{d.get('id')}#{k}")) + "\n"
                                for k in range(copies) for d in docs), encoding="utf-8")
        out = Path(folder) / "events.jsonl"
        for workers in (1, 2):
            first = run_extract(once, workers, out)
            second = run_extract(many, workers, out)
            steady_s = second["seconds"] - first["seconds"]
            steady_cpu = second["cpu_s"] - first["cpu_s"]
            result[f"workers_{workers}"] = {
                "seconds": first["seconds"], "seconds_many": second["seconds"], "events": first["events"],
                "rate_whole": n / first["seconds"],
                "rate_steady": extra / steady_s if steady_s > 0 else None,
                "cpu_s": first["cpu_s"], "cpu_s_many": second["cpu_s"],
                "rate_steady_cpu": extra / steady_cpu if steady_cpu > 0 else None,
                "main_mb": max(first["main_mb"], second["main_mb"]),
                "worker_mb": max(first["worker_mb"], second["worker_mb"]),
            }
    result["children_max_rss_mb"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return result


def _ratios(result: dict[str, Any]) -> dict[str, Any]:
    one, two, bare, n = result["workers_1"], result["workers_2"], result["bare"], result["articles"]
    result["ratio_steady"] = one["rate_steady"] / result["bare"]["rate"] if one["rate_steady"] else None
    result["ratio_steady_cpu"] = (one["rate_steady_cpu"] / result["bare"]["rate_cpu"]
                                  if one["rate_steady_cpu"] else None)
    result["ratio_whole"] = one["rate_whole"] / (n / (bare["load_s"] + bare["pipe_s"] / result["copies"]))
    result["speedup_steady"] = (two["rate_steady"] / one["rate_steady"]
                                if one["rate_steady"] and two["rate_steady"] else None)
    result["speedup_whole"] = two["rate_whole"] / one["rate_whole"]
    return result


def _check(value: float | None, target: float, at_most: bool = False) -> str:
    if value is None:
        return "n/a"
    holds = value <= target if at_most else value >= target
    return f"{'<=' if at_most else '>='} {target:g}: {'yes' if holds else 'NO'}"


def print_report(r: dict[str, Any]) -> None:
    bare, one, two = r["bare"], r["workers_1"], r["workers_2"]

    def rate(value: float | None) -> str:
        return "   n/a" if value is None else f"{value:6.1f}"

    print(f"{r['articles']} articles from {r['docs']} (steady state: {r['copies']} copies against one); "
          f"{r['cpus']} CPUs, load average {r['load_average']:.1f}")
    print(f"bare nlp.pipe ({', '.join(bare['components'])}): load {bare['load_s']:.1f} s, "
          f"pipe {bare['pipe_s']:.1f} s, {rate(bare['rate'])} articles/s "
          f"({rate(bare['rate_cpu'])} per CPU second)")
    for name, run in (("extract --workers 1", one), ("extract --workers 2", two)):
        print(f"{name}: {run['seconds']:.1f} s whole ({rate(run['rate_whole'])} articles/s), "
              f"{run['seconds_many']:.1f} s on {r['copies']}x input, steady {rate(run['rate_steady'])} articles/s "
              f"({rate(run['rate_steady_cpu'])} per CPU second), "
              f"{run['events']} events; peak RSS main {run['main_mb']:.0f} MB, worker {run['worker_mb']:.0f} MB")
    print()
    print(f"ratio extract/bare, one process, steady:  {r['ratio_steady'] or 0:.2f}  "
          f"({_check(r['ratio_steady'], TARGETS['ratio'])})   by CPU time: {r['ratio_steady_cpu'] or 0:.2f}   "
          f"whole command: {r['ratio_whole']:.2f}")
    print(f"2 workers over 1, steady:                 {r['speedup_steady'] or 0:.2f}x "
          f"({_check(r['speedup_steady'], TARGETS['speedup'])})   whole command: {r['speedup_whole']:.2f}x")
    worker = max(one["worker_mb"], two["worker_mb"])
    print(f"peak memory per worker:                   {worker:.0f} MB "
          f"({_check(worker, TARGETS['worker_mb'], at_most=True)})   "
          f"largest child RSS (getrusage): {r['children_max_rss_mb']:.0f} MB")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=Path, default=DEFAULT_DOCS, help="JSONL batch (default: FA-KES dev)")
    parser.add_argument("--repeat", type=int, default=1, help="measure N times, report the median rates")
    parser.add_argument("--copies", type=int, default=COPIES,
                        help=f"the steady state compares the input repeated this many times with it once "
                             f"(default {COPIES})")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args(argv)
    if not args.docs.is_file():
        print(f"no documents at {args.docs} (give --docs FILE.jsonl)", file=sys.stderr)
        return 2
    result = measure(args.docs, max(1, args.repeat), max(2, args.copies))
    if args.json:
        print(json.dumps(result))
    else:
        print_report(result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
