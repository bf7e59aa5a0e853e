"""Write golden *candidates* from a fresh run, for a human to review against the pages.

Usage: .venv/bin/python tests/e2e/make_golden.py DATA_DIR
Candidates go to tests/e2e/golden/*.candidate.json; after reading every field against the
input pages, fix what is wrong *in the code* (not in the golden file), then rename.
"""

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from test_pipeline import GOLDEN, INPUTS, article_digest, read_current, reject_digest  # noqa: E402

from akhbar.flows.config import RunConfig  # noqa: E402
from akhbar.flows.runners import run_flow  # noqa: E402

data = Path(sys.argv[1])
run_flow(RunConfig(inputs=INPUTS, data_dir=str(data)))
for name, rows in (("articles", article_digest(read_current(data, "articles"))),
                   ("rejects", reject_digest(read_current(data, "rejects")))):
    (GOLDEN / f"{name}.candidate.json").write_text(json.dumps(rows, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
