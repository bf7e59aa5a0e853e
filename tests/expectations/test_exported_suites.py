"""The suites kept in expectations/suites_json/ are exactly what schemas/ and suites.py derive.

Regenerate after changing a schema or a check:
    .venv/bin/python -c "from akhbar.expectations.runner import export_suites; export_suites('expectations/suites_json')"
"""

from pathlib import Path

from akhbar.expectations.runner import export_suites
from akhbar.expectations.suites import SUITES

KEPT = Path(__file__).resolve().parents[2] / "expectations" / "suites_json"


def test_kept_suite_files_match_the_derived_suites(tmp_path):
    written = export_suites(tmp_path)
    assert sorted(p.name for p in written) == sorted(p.name for p in KEPT.glob("*.json"))
    assert len(written) == len(SUITES)
    for path in written:
        assert path.read_text(encoding="utf-8") == (KEPT / path.name).read_text(encoding="utf-8"), path.name
