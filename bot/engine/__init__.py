"""The job engine (Procrastinate on PostgreSQL) for deployments beyond one process.

Imported only by the scheduler, worker and chat roles (bot/cli_worker.py): `sovai run`
on SQLite never loads it, and runs every stage in-process as before. Why Procrastinate
rather than taskiq and a broker: docs/scaling.md.
"""
