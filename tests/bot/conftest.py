"""Fixtures shared by the bot tests: a real PostgreSQL server (see ``pg_support``)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pg_support import fresh_database, postgres_server


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    """URL of a running PostgreSQL server's maintenance database (skips without one)."""
    try:
        with postgres_server() as url:
            yield url
    except RuntimeError as exc:
        pytest.skip(f"PostgreSQL unavailable: {exc}")


@pytest.fixture
def pg_url(pg_server: str) -> str:
    """URL of a fresh, empty PostgreSQL database for one test."""
    return fresh_database(pg_server)
