"""Whole-flow benchmark on SaudiNewsNet: 1k, 10k and 31k articles, fresh and incremental.

Usage:
    .venv/bin/python benchmarks/pipeline.py [--sizes 1000 10000 31030] [--runner process|local|dask]
                                          [--out benchmarks/RESULTS.md]

Each size runs in a fresh subprocess (so peak RSS is per run) on a fresh data directory: a
fresh run over N articles, then an incremental run adding 10 new articles on top. The inputs are
the first N lines of the corpus files in date order, written as JSON Lines. Figures come from
the run summaries (time per stage), the flow process's peak RSS, and the peaks of the whole
process tree (flow, pool workers, Prefect's temporary API) sampled every 0.2 s from /proc:
the sum of the processes' RSS and the sum of their PSS (shared pages split between sharers).
"wall s" is the flow call; "process s" adds the interpreter's start and the first imports.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO.parent / "shared" / "corpora" / "saudinewsnet"
EXTRA = 10
STAGES = ("ingest", "clean", "dedup", "annotate", "link stories", "validate", "publish")


def corpus_lines(n: int) -> list[str]:
    out: list[str] = []
    for path in sorted(CORPUS.glob("*.jsonl.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as f:
            for line in f:
                out.append(line.rstrip("\n"))
                if len(out) >= n:
                    return out
    return out


def write_inputs(root: Path, n: int) -> tuple[Path, Path]:
    lines = corpus_lines(n + EXTRA)
    n = min(n, len(lines) - EXTRA)  # the whole corpus: hold its last 10 lines back as the new input
    base, extra = root / "base", root / "extra"
    base.mkdir(parents=True)
    extra.mkdir()
    for i in range(0, n, 2000):  # several files, as a crawl would deliver them
        (base / f"part-{i // 2000:03d}.jsonl").write_text("\n".join(lines[i:min(i + 2000, n)]) + "\n", encoding="utf-8")
    (extra / "new.jsonl").write_text("\n".join(lines[n:n + EXTRA]) + "\n", encoding="utf-8")
    return base, extra


CHILD = r"""
import json, resource, sys, time
from akhbar.flows.config import RunConfig
from akhbar.flows.runners import run_flow
inputs, data, runner = json.loads(sys.argv[1]), sys.argv[2], sys.argv[3]
t = time.perf_counter()
summary = run_flow(RunConfig(inputs=tuple(inputs), data_dir=data), runner=runner)
summary["wall_s"] = round(time.perf_counter() - t, 2)
summary["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
print("SUMMARY " + json.dumps(summary, default=str))
"""


def tree_memory_mb(pid: int) -> tuple[float, float]:
    """Resident (RSS) and proportional (PSS) memory of a process and all its descendants (pool
    workers, Prefect's API), MiB. The RSS sum counts a page shared by several processes (the
    libraries every process maps, polars' 177 MB library among them) once per process; PSS
    splits it between them, so the PSS sum is what the tree occupies."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    rss = pss = 0.0
    todo = [pid]
    while todo:
        p = todo.pop()
        todo += children.get(p, [])
        try:
            rollup = Path(f"/proc/{p}/smaps_rollup").read_text().splitlines()[1:]
        except OSError:
            continue
        fields = {line.split(":")[0]: int(line.split()[1]) for line in rollup if line.split()[1:]}
        rss += fields.get("Rss", 0) / 1024
        pss += fields.get("Pss", 0) / 1024
    return rss, pss


def run_child(inputs: list[Path], data: Path, runner: str) -> dict:
    """Run one flow in a child process; sample the whole process tree's memory every 0.2 s."""
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        child = subprocess.Popen([sys.executable, "-c", CHILD, json.dumps([str(p) for p in inputs]), str(data), runner],
                                 stdout=out, stderr=err, text=True)
        peak = peak_pss = 0.0
        started = time.perf_counter()
        while child.poll() is None:
            rss, pss = tree_memory_mb(child.pid)
            peak, peak_pss = max(peak, rss), max(peak_pss, pss)
            time.sleep(0.2)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read(), err.read()
    if child.returncode:
        sys.exit(f"run failed ({child.returncode}):\n{stderr[-4000:]}")
    line = next(l for l in stdout.splitlines() if l.startswith("SUMMARY "))
    summary = json.loads(line[len("SUMMARY "):])
    summary["tree_peak_mb"] = round(peak, 1)
    summary["tree_peak_pss_mb"] = round(peak_pss, 1)
    summary["process_wall_s"] = round(time.perf_counter() - started, 2)  # with interpreter start-up
    return summary


def measure(n: int, runner: str) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        base, extra = write_inputs(Path(tmp) / "in", n)
        data = Path(tmp) / "data"
        fresh = run_child([base], data, runner)
        incr = run_child([base, extra], data, runner)
    return {"n": n, "fresh": fresh, "incremental": incr}


def row(result: dict, which: str) -> str:
    s = result[which]
    secs = s["seconds"]
    stage_total = sum(secs.values())
    n = s["stages"]["ingest"]["rows"] or 1
    validate_s = sum(v["seconds"] for v in s["validation"])
    # Prefect's share: the flow call minus the stages and minus the imports any runner needs
    # (the temporary API's start beyond them, flow and task-run bookkeeping, shutdown).
    prefect_s = s["startup"]["run_flow_s"] - s["startup"]["imports_s"] - stage_total
    d = s["stages"].get("dedup", {})
    near = d.get("near", 0) / max(d.get("articles", 1), 1)
    return (f"| {result['n']:,} | {which} | {n:,} | {s['wall_s']:.1f} | {s['process_wall_s']:.1f} | {n / s['wall_s']:.0f} | "
            f"{n / max(secs.get('ingest', 0) + secs.get('clean', 0) + secs.get('dedup', 0), 1e-9):.0f} | "
            + " | ".join(f"{secs.get(k, 0):.1f}" for k in STAGES)
            + f" | {validate_s:.1f} | {1 - stage_total / s['wall_s']:.0%} | {prefect_s:.1f} ({prefect_s / s['wall_s']:.0%})"
            + f" | {s['peak_rss_mb']:.0f} | {s['tree_peak_mb']:.0f} | {s['tree_peak_pss_mb']:.0f} | {near:.1%} |")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 31030])
    ap.add_argument("--runner", default="process")
    ap.add_argument("--out", type=Path, default=None)
    args = ap.parse_args()
    results = [measure(n, args.runner) for n in args.sizes]
    lines = [
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, runner {args.runner}",
        "",
        "| corpus | run | new rows | wall s | process s | rows/s end to end | rows/s ingest+clean+dedup | ingest s | clean s | dedup s | annotate s | link stories s | validate s | publish s | GE s | outside stages (imports, Prefect) | Prefect s (share) | peak RSS MiB, flow process | peak RSS MiB, all processes (sum) | peak PSS MiB, all processes | near-dup rate |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in results:
        lines += [row(r, "fresh"), row(r, "incremental")]
    if len(results) > 1:
        a, b = results[0], results[-1]
        ratio = (b["fresh"]["wall_s"] / a["fresh"]["wall_s"]) / (b["n"] / a["n"])
        lines += ["", f"Scaling: {b['n'] / a['n']:.1f}x articles took {b['fresh']['wall_s'] / a['fresh']['wall_s']:.1f}x time "
                      f"(per-article cost ratio {ratio:.2f})."]
    text = "\n".join(lines) + "\n"
    print(text)
    print(json.dumps(results, default=str)[:2000], file=sys.stderr)
    if args.out:
        args.out.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
