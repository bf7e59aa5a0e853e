"""Check that the entities annotator gives the same rows as an earlier commit.

Usage:
    .venv/bin/python benchmarks/entities/check_identical.py [N] [--ref ceca0f4] [--parts K]

Exports ``tasks/annotate/entities`` of ``--ref`` (default ceca0f4, entities_crf_v3 before the
speed work) with ``git archive`` (read-only) into a temporary folder and runs it, then the
working tree, each in a fresh subprocess (so no memo is shared), on the same inputs: the first
N SaudiNewsNet articles (bodies through ``final_text``, as speed.py) plus the five samples, in
K consecutive ``annotate_entities`` calls of N / K articles (K > 1 exercises the caches being
refilled or evicted between parts). Rows are compared after sorting, every column; ``score``
within 1e-9. Exits 1 on any difference. Each run also prints, per part, its speed (articles/s of
CPU time) and the RSS after it: the two versions alternate on the same machine load.
"""

from __future__ import annotations

import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

import polars as pl

ROOT = Path(__file__).resolve().parents[2]
PY = sys.executable

# Run inside the subprocess: optionally load the package from an exported folder under its
# real name (its modules import each other as akhbar.tasks.annotate.entities.*).
_CHILD = r"""
import importlib.util, resource, sys, time
from pathlib import Path
import polars as pl
pkg, n, parts, out = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
if pkg != "-":
    import akhbar.tasks.annotate
    spec = importlib.util.spec_from_file_location("akhbar.tasks.annotate.entities", Path(pkg) / "__init__.py",
                                                  submodule_search_locations=[pkg])
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod
    spec.loader.exec_module(mod)
from akhbar.tasks.annotate.entities import annotate_entities
import akhbar.tasks.annotate.entities.annotate as a
assert str(Path(a.__file__).parent) == (pkg if pkg != "-" else str(Path(a.__file__).parent)), a.__file__
sys.path.insert(0, sys.argv[5])
import speed
frame = speed.load(n)
samples = sorted(Path(sys.argv[6]).glob("*.txt"))
frame = pl.concat([frame, pl.DataFrame({"article_id": [p.name for p in samples],
                                        "body": [speed.final_text(p.read_text(encoding="utf-8")) for p in samples]})])
annotate_entities(frame.head(1))  # loads the model and gazetteers (untimed)
size, res, report = -(-frame.height // parts), [], []
for i in range(0, frame.height, size):
    t = time.process_time()
    res.append(annotate_entities(frame.slice(i, size)))
    cpu = time.process_time() - t
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    report.append(f"{min(size, frame.height - i) / cpu:.0f}/s RSS {speed.rss_mb():.0f} (peak {peak:.0f}) MB")
print(f"  {'ref' if pkg != '-' else 'now'}: " + "; ".join(report), flush=True)
pl.concat(res).write_parquet(out)
"""


def _arg(name: str, default: str) -> str:
    return sys.argv[sys.argv.index(name) + 1] if name in sys.argv else default


def run(pkg: str, n: int, parts: int, out: Path) -> pl.DataFrame:
    """Rows of the package at ``pkg`` ("-": the working tree) on the benchmark input."""
    subprocess.run([PY, "-c", _CHILD, pkg, str(n), str(parts), str(out), str(Path(__file__).parent),
                    str(ROOT / "samples")], check=True)
    return pl.read_parquet(out)


def compare(old: pl.DataFrame, new: pl.DataFrame) -> bool:
    """True when both frames hold the same rows (score within 1e-9), printing the first differences."""
    if old.schema != new.schema or old.height != new.height:
        print(f"  schema/height differ: {old.height} vs {new.height} rows")
    keys = [c for c in old.columns if c != "score"]
    a, b = old.sort(keys), new.sort(keys)
    if a.height == b.height and a.select(keys).equals(b.select(keys), null_equal=True):
        worst = (a["score"] - b["score"]).abs().max() or 0.0
        print(f"  max |score difference| {worst:.2e}")
        return worst <= 1e-9
    diff = a.join(b, on=keys, how="anti").head(5), b.join(a, on=keys, how="anti").head(5)
    print("  only at ref:", diff[0], "\n  only now:", diff[1])
    return False


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 and sys.argv[1].isdigit() else 2000
    ref, parts = _arg("--ref", "ceca0f4"), int(_arg("--parts", "1"))
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", ref, "tasks/annotate/entities"],
                                 check=True, capture_output=True).stdout
        (folder / "old.tar").write_bytes(archive)
        with tarfile.open(folder / "old.tar") as tar:
            tar.extractall(folder, filter="data")
        old = run(str(folder / "tasks/annotate/entities"), n, parts, folder / "old.parquet")
        new = run("-", n, parts, folder / "new.parquet")
    print(f"{n} SaudiNewsNet articles + 5 samples in {parts} part(s): {old.height} rows at {ref}, {new.height} now")
    same = compare(old, new)
    print("IDENTICAL" if same else "DIFFERENT")
    sys.exit(0 if same else 1)


if __name__ == "__main__":
    main()
