"""One small interface over SQLite (the default) and PostgreSQL (DATABASE_URL=postgresql://…).

SQL is written once with `?` placeholders and portable types; `transaction()` gives a
serialised write transaction on both (SQLite: BEGIN IMMEDIATE; PostgreSQL: a transaction-scoped
advisory lock), which is what assignment and counterbalancing need.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Protocol

DEFAULT_SQLITE = Path("data") / "ratings.sqlite3"


class Executor(Protocol):
    def execute(self, sql: str, params: Sequence[Any] = ()) -> list[tuple]: ...


URL_SCHEMES = ("sqlite:///", "postgresql://", "postgres://")


def database_url() -> str:
    return os.environ.get("DATABASE_URL") or f"sqlite:///{DEFAULT_SQLITE}"


def check_url(url: str) -> str:
    """`url`, or ValueError when no supported database would open it."""
    if not url.startswith(URL_SCHEMES):
        raise ValueError("must start with sqlite:/// or postgresql://")
    return url


class Database:
    """Opens a connection per transaction: cheap for SQLite, simple and thread-safe for both."""

    def __init__(self, url: str | None = None):
        self.url = url or database_url()
        try:
            check_url(self.url)
        except ValueError as error:
            raise ValueError(f"DATABASE_URL={self.url!r}: {error}") from None
        self.is_postgres = not self.url.startswith("sqlite:///")
        if not self.is_postgres:
            self.path = Path(self.url.removeprefix("sqlite:///"))
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self._sqlite() as connection:
                connection.execute("PRAGMA journal_mode=WAL")

    def __repr__(self) -> str:
        return f"Database({'postgresql' if self.is_postgres else str(self.path)})"

    def _sqlite(self) -> sqlite3.Connection:
        connection = sqlite3.connect(self.path, timeout=60, isolation_level=None)
        connection.execute("PRAGMA busy_timeout=60000")
        connection.execute("PRAGMA synchronous=FULL")  # a committed rating survives a power cut
        return connection

    @contextmanager
    def transaction(self, lock: str = "") -> Iterator[Executor]:
        """A write transaction, committed on exit; `lock` serialises transactions sharing it."""
        if self.is_postgres:
            import psycopg

            with psycopg.connect(self.url) as connection, connection.transaction():
                runner = _Postgres(connection)
                if lock:
                    runner.execute("SELECT pg_advisory_xact_lock(hashtext(?))", (lock,))
                yield runner
            return
        connection = self._sqlite()
        try:
            connection.execute("BEGIN IMMEDIATE")
            yield _Sqlite(connection)
            connection.execute("COMMIT")
        except BaseException:
            if connection.in_transaction:
                connection.execute("ROLLBACK")
            raise
        finally:
            connection.close()

    def read(self, sql: str, params: Sequence[Any] = ()) -> list[tuple]:
        if self.is_postgres:
            import psycopg

            with psycopg.connect(self.url) as connection:
                return _Postgres(connection).execute(sql, params)
        connection = self._sqlite()
        try:
            return connection.execute(sql, params).fetchall()
        finally:
            connection.close()


class _Sqlite:
    def __init__(self, connection: sqlite3.Connection):
        self.connection = connection

    def execute(self, sql: str, params: Sequence[Any] = ()) -> list[tuple]:
        return self.connection.execute(sql, params).fetchall()


class _Postgres:
    def __init__(self, connection: Any):
        self.connection = connection

    def execute(self, sql: str, params: Sequence[Any] = ()) -> list[tuple]:
        cursor = self.connection.execute(sql.replace("?", "%s"), params)
        return cursor.fetchall() if cursor.description else []
