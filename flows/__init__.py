"""The only Prefect code of akhbar. Importing this package applies akhbar's Prefect defaults
(before prefect itself is imported), see ``akhbar.prefect_env``."""

from akhbar.prefect_env import configure as _configure

_configure()
