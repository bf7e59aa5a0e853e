"""Embedded Prefect defaults, applied before prefect is imported (STACK.md pitfalls)."""

from __future__ import annotations

import os

_DEFAULTS = {
    # The temporary API's 20 s start-up timeout is too short on 2 busy cores (STACK.md: 5
    # parallel runs all timed out); 90 s fixed it there.
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "90",
    # Telemetry fails fast offline but prints an error line.
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "PREFECT_LOGGING_LEVEL": "WARNING",
    "PREFECT_SERVER_LOGGING_LEVEL": "WARNING",
    "PREFECT_LOGGING_TO_API_ENABLED": "false",
    # distributed logs every worker start and stop at INFO.
    "DASK_LOGGING__DISTRIBUTED": "warning",
}


def configure() -> None:
    """Set akhbar's Prefect defaults unless the user set them; drop an empty PREFECT_API_URL.

    An empty (not unset) PREFECT_API_URL floods "Service 'EventsWorker' failed" (STACK.md).
    """
    for key, value in _DEFAULTS.items():
        os.environ.setdefault(key, value)
    if os.environ.get("PREFECT_API_URL", None) == "":
        del os.environ["PREFECT_API_URL"]
