"""The room's login cookie secret: made once, kept across restarts, replaced with new keys;
never exported, never on a command line, and out of Voila's environment before any kernel."""

from __future__ import annotations

import json
import os

import pytest
from sqlalchemy import select

from workbook.access import cookie, keys
from workbook.access.secret_schema import access_secrets
from workbook.serving import lifecycle, serve, voila_app
from workbook.serving.links import room_links


def kept(workshop) -> str | None:
    with workshop.store.read() as conn:
        return conn.execute(select(access_secrets.c.value)).scalar()


def test_the_secret_is_made_the_first_time_the_room_is_served_and_kept(workshop):
    assert kept(workshop) is None  # a workshop never served to a room has none
    with workshop.store.engine.begin() as conn:
        first_keys = keys.room_keys(conn)
    first = kept(workshop)
    assert first is not None and len(bytes.fromhex(first)) == cookie.SECRET_BYTES
    with workshop.store.engine.begin() as conn:  # the server restarted
        assert keys.room_keys(conn) == first_keys
    assert kept(workshop) == first == cookie.kept_secret(workshop.store)
    with workshop.store.read() as conn:
        assert len(conn.execute(select(access_secrets)).all()) == 1


def test_new_keys_replace_the_secret(workshop):
    with workshop.store.engine.begin() as conn:
        keys.room_keys(conn)
    before = kept(workshop)
    room_links(workshop.store, "0.0.0.0", 8866, renew=True)  # wtfc serve --new-keys
    after = kept(workshop)
    assert after is not None and after != before
    room_links(workshop.store, "0.0.0.0", 8866)  # and the new one is kept after that
    assert kept(workshop) == after


def test_a_chosen_key_replacing_a_kept_one_ends_the_logins_too(workshop):
    with workshop.store.engine.begin() as conn:
        keys.room_keys(conn)
        before = cookie.room_secret(conn)
        keys.room_keys(conn, table="a-table-key-chosen-by-hand")
        after = cookie.room_secret(conn)
        assert after != before
        keys.room_keys(conn, table="a-table-key-chosen-by-hand")  # the same key again
        assert cookie.room_secret(conn) == after


def test_a_chosen_key_the_first_time_makes_one_secret(workshop):
    with workshop.store.engine.begin() as conn:
        keys.room_keys(conn, facilitator="facilitator-chosen-key-0001")
        first = cookie.room_secret(conn)
    with workshop.store.engine.begin() as conn:
        keys.room_keys(conn, facilitator="facilitator-chosen-key-0001")
        assert cookie.room_secret(conn) == first


def test_the_secret_is_not_in_an_export_nor_in_workshop_json(workshop, tmp_path):
    from openpyxl import load_workbook

    from workbook.io import exchange
    from workbook.store import db

    with workshop.store.engine.begin() as conn:
        keys.room_keys(conn)
    secret = kept(workshop)
    assert access_secrets not in db.CONTENT_TABLES
    text = exchange.export_json(workshop, tmp_path / "export.json").read_text(encoding="utf-8")
    assert secret not in text and "access_secrets" not in text
    book = load_workbook(exchange.export_xlsx(workshop, tmp_path / "export.xlsx"),
                         read_only=True)
    assert not any("secret" in name for name in book.sheetnames)
    for sheet in book.worksheets:
        for row in sheet.iter_rows(values_only=True):
            assert secret not in json.dumps(row, default=str)
    config = workshop.folder / "workshop.json"
    assert secret not in config.read_text(encoding="utf-8")


def test_take_from_env_removes_it_and_gives_the_bytes():
    env = {cookie.SECRET_ENV: "ab" * cookie.SECRET_BYTES, "OTHER": "x"}
    assert cookie.take_from_env(env) == b"\xab" * cookie.SECRET_BYTES
    assert env == {"OTHER": "x"}
    for bad in ("", "not hex", "ab" * 8):  # malformed or short: Voila's own, and still removed
        env = {cookie.SECRET_ENV: bad}
        assert cookie.take_from_env(env) is None and env == {}
    assert cookie.take_from_env({}) is None


@pytest.fixture
def launched(monkeypatch):
    """voila_app.main() with Voila's launch replaced: what it was given, and the environment
    (which every kernel inherits) at the moment Voila would have started."""
    seen: dict = {}

    def launch(argv=None, **kwargs):
        seen.update(argv=argv, kwargs=kwargs, environ=dict(os.environ))

    class Instance:
        wtfc_stopped = False

    monkeypatch.setattr(lifecycle, "follow_parent", lambda: None)
    monkeypatch.setattr(voila_app.WtfcVoila, "launch_instance", launch)
    monkeypatch.setattr(voila_app.WtfcVoila, "instance", lambda: Instance())
    return seen


def test_voila_takes_the_secret_out_of_its_environment_before_any_kernel(monkeypatch,
                                                                         launched):
    secret = "5e" * cookie.SECRET_BYTES
    monkeypatch.setenv(cookie.SECRET_ENV, secret)
    voila_app.main(["notebooks"])
    assert launched["kwargs"] == {"cookie_secret": bytes.fromhex(secret)}
    assert cookie.SECRET_ENV not in launched["environ"]
    assert secret not in json.dumps(launched["environ"])
    assert cookie.SECRET_ENV not in os.environ


def test_voila_run_alone_makes_its_own_secret(monkeypatch, launched):
    monkeypatch.delenv(cookie.SECRET_ENV, raising=False)
    voila_app.main(["notebooks"])
    assert launched["kwargs"] == {}
    assert voila_app.WtfcVoila().cookie_secret  # Voila's own random bytes


@pytest.fixture
def started(monkeypatch):
    """serve.serve() with Voila's start replaced: the command line and environment it got."""
    seen: dict = {}
    monkeypatch.setattr(lifecycle, "check_port_free", lambda host, port: None)
    monkeypatch.setattr(lifecycle, "run",
                        lambda cmd, env, cwd: seen.update(cmd=list(cmd), env=dict(env)) or 0)
    return seen


def test_serving_the_room_hands_the_kept_secret_over_in_the_environment(workshop, started,
                                                                        tmp_path, capsys):
    room = room_links(workshop.store, "0.0.0.0", 8866)
    secret = kept(workshop)
    assert serve.serve(str(workshop.folder), tmp_path, 8866, host="0.0.0.0", links=room) == 0
    assert started["env"][cookie.SECRET_ENV] == secret
    assert not any(secret in part for part in started["cmd"])
    assert secret not in capsys.readouterr().out
    serve.serve(str(workshop.folder), tmp_path, 8866, host="0.0.0.0", links=room)
    assert started["env"][cookie.SECRET_ENV] == secret  # the same after a restart


def test_on_loopback_voila_keeps_its_own(workshop, started, tmp_path, monkeypatch):
    monkeypatch.delenv(cookie.SECRET_ENV, raising=False)
    assert serve.serve(str(workshop.folder), tmp_path, 8866) == 0
    assert cookie.SECRET_ENV not in started["env"]
    assert kept(workshop) is None
