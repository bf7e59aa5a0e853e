import subprocess
import sys

import pytest

from akhbar.warehouse.lock import DataDirBusy, exclusive


def test_second_writer_gets_a_clear_error(tmp_path):
    lock = tmp_path / ".lock"
    with exclusive(lock):
        code = (
            "import sys; from pathlib import Path; from akhbar.warehouse.lock import exclusive, DataDirBusy\n"
            f"try:\n  with exclusive(Path({str(lock)!r})): sys.exit(0)\n"
            "except DataDirBusy as e:\n  print(e); sys.exit(3)\n"
        )
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
        assert out.returncode == 3 and "another akhbar run" in out.stdout
    with exclusive(lock):  # released after the block
        pass


def test_lock_is_reentrant_across_sequential_uses(tmp_path):
    with exclusive(tmp_path / ".lock"):
        with pytest.raises(DataDirBusy):
            with exclusive(tmp_path / ".lock"):
                pass
