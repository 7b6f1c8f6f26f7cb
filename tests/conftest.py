"""Shared fixtures: a fresh workshop on SQLite, and on PostgreSQL when a test server is given."""

from __future__ import annotations

import os
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "sample_data"
PG_ENV = "WTFC_TEST_POSTGRES_URL"


def _pg_admin_url() -> str | None:
    return os.environ.get(PG_ENV) or None


@pytest.fixture
def pg_databases():
    """Makes brand-new PostgreSQL databases for one test; all are dropped afterwards."""
    admin = _pg_admin_url()
    if not admin:
        if os.environ.get("WTFC_REQUIRE_POSTGRES"):
            pytest.fail(f"{PG_ENV} is not set, and this run must test PostgreSQL (make test "
                        "starts a server through .ci/with-postgres)", pytrace=False)
        pytest.skip(f"{PG_ENV} is not set: no PostgreSQL server for this run")
    from sqlalchemy import create_engine, text

    from workbook.store.db import normalise_url

    admin = normalise_url(admin)
    engine = create_engine(admin, isolation_level="AUTOCOMMIT")
    made: list[str] = []

    def make() -> str:
        name = f"wtfc_test_{uuid.uuid4().hex[:12]}"
        with engine.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        made.append(name)
        return admin.rsplit("/", 1)[0] + "/" + name

    yield make
    with engine.connect() as conn:
        for name in made:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    engine.dispose()


@pytest.fixture(params=["sqlite", "postgres"])
def backend(request):
    """A function giving a new store location: None (a SQLite file) or a PostgreSQL URL."""
    if request.param == "sqlite":
        return lambda: None
    return request.getfixturevalue("pg_databases")


@pytest.fixture
def db_url(backend):
    return backend()


@pytest.fixture
def workshop(tmp_path, db_url):
    from workbook import Workshop

    ws = Workshop.create(tmp_path / "ws", "Test workshop", db_url=db_url)
    yield ws
    ws.close()
