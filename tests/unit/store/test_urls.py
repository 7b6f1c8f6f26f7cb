"""Database passwords: never printed, never in workshop.json, never on a command line."""

from __future__ import annotations

import json
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from workbook.store.urls import has_password, mask_url, without_password

ROOT = Path(__file__).resolve().parents[3]


@pytest.mark.parametrize(
    "url, masked, stripped",
    [
        ("postgresql://ann:s3cret@db.example:5432/wtfc", "postgresql://ann:***@db.example:5432/wtfc",
         "postgresql://ann@db.example:5432/wtfc"),
        ("postgresql+psycopg://ann:p%40ss@db/w?sslmode=require",
         "postgresql+psycopg://ann:***@db/w?sslmode=require",
         "postgresql+psycopg://ann@db/w?sslmode=require"),
        ("postgresql://db/w?password=s3cret&sslmode=require",
         "postgresql://db/w?password=***&sslmode=require", "postgresql://db/w?sslmode=require"),
        ("postgresql://ann:@db/w", "postgresql://ann:***@db/w", "postgresql://ann@db/w"),
    ],
)
def test_a_password_is_masked_or_removed(url, masked, stripped):
    assert has_password(url)
    assert mask_url(url) == masked
    assert without_password(url) == stripped
    assert not has_password(stripped)


@pytest.mark.parametrize("text", [
    "postgresql://ann@db/w", "postgresql://db/w", "sqlite:////tmp/w.sqlite", "/home/ann/w",
    "workshop folder"])
def test_no_password_no_change(text):
    assert not has_password(text)
    assert mask_url(text) == text and without_password(text) == text


def wtfc(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "workbook.cli", *args], capture_output=True,
                          text=True, cwd=cwd, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin"})


@pytest.mark.parametrize("args", [
    ["new", "{tmp}/w", "--name", "W", "--db", "postgresql://ann:hunter2@127.0.0.1:9/w"],
    ["serve", "postgresql://ann:hunter2@127.0.0.1:9/w"],
    ["stats", "postgresql://127.0.0.1:9/w?password=hunter2"],
])
def test_a_password_on_the_command_line_is_refused_and_not_repeated(tmp_path, args):
    proc = wtfc(*[a.format(tmp=tmp_path) for a in args], cwd=tmp_path)
    assert proc.returncode == 2
    assert "hunter2" not in proc.stdout + proc.stderr
    assert "***" in proc.stderr and "PGPASSWORD" in proc.stderr and ".pgpass" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert not (tmp_path / "w").exists()  # nothing made


def test_postgresql_asking_for_a_password_is_a_plain_message():
    from sqlalchemy.exc import OperationalError

    from workbook.cli import _password_refused

    exc = OperationalError("SELECT 1", {}, Exception(
        'connection failed: connection to server at "127.0.0.1", port 5432 failed: '
        "fe_sendauth: no password supplied"))
    message = _password_refused(exc)
    assert "no password supplied" in message and "PGPASSWORD" in message
    assert _password_refused(OperationalError("SELECT 1", {}, Exception("disk full"))) is None
    assert _password_refused(ValueError("password")) is None


def test_serving_prints_the_address_without_its_password(tmp_path, monkeypatch, capsys):
    from workbook.serving import lifecycle, serve

    monkeypatch.setattr(lifecycle, "check_port_free", lambda host, port: None)
    monkeypatch.setattr(lifecycle, "run", lambda cmd, env, cwd: 0)
    assert serve.serve("postgresql://ann:hunter2@db/w", tmp_path, 8866) == 0
    out = capsys.readouterr().out
    assert "postgresql://ann:***@db/w" in out and "hunter2" not in out


@pytest.mark.postgres
def test_workshop_json_never_holds_the_password(tmp_path, pg_databases, monkeypatch):
    """A role with a password, given in the address to the Python API: the workshop is made,
    workshop.json keeps the address without the password, and the folder opens again with
    the password from a private PGPASSFILE (libpq's password file)."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    from workbook import Workshop
    from workbook.store.db import normalise_url

    admin = make_url(normalise_url(pg_databases()))
    role, secret = f"wtfc_pw_{uuid.uuid4().hex[:8]}", uuid.uuid4().hex
    engine = create_engine(admin, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(f"CREATE ROLE {role} LOGIN PASSWORD '{secret}'"))
        conn.execute(text(f"GRANT ALL ON SCHEMA public TO {role}"))
    try:
        url = admin.set(username=role, password=secret).render_as_string(hide_password=False)
        assert secret in url
        ws = Workshop.create(tmp_path / "w", "With a password", db_url=url)
        ws.close()
        config = (tmp_path / "w" / "workshop.json").read_text()
        assert secret not in config
        assert json.loads(config)["db_url"] == without_password(url)
        passfile = tmp_path / "pgpass"
        passfile.write_text(f"{admin.host}:{admin.port}:{admin.database}:{role}:{secret}\n")
        passfile.chmod(0o600)
        monkeypatch.setenv("PGPASSFILE", str(passfile))
        with Workshop.open(tmp_path / "w") as again:
            assert again.name == "With a password"
    finally:
        with engine.connect() as conn:
            conn.execute(text(f"REASSIGN OWNED BY {role} TO CURRENT_USER"))
            conn.execute(text(f"DROP OWNED BY {role}"))
            conn.execute(text(f"DROP ROLE {role}"))
        engine.dispose()
