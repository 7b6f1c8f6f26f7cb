"""`wtfc new NEXT --from LAST --name NAME`: made and said, or refused plainly with nothing made."""

from __future__ import annotations

from cycle_cases import last_event

from workbook import Workshop
from workbook.cli import main
from workbook.cycle.origin import origin


def test_new_from_last_on_the_command_line(workshop, tmp_path, backend, capsys):
    last_event(workshop)
    source = str(workshop.folder) if workshop.store.dialect == "sqlite" else \
        workshop.store.engine.url.render_as_string(hide_password=False)
    target = backend()
    argv = ["new", str(tmp_path / "next"), "--from", source, "--name", "Autumn"]
    assert main(argv + (["--db", target] if target else [])) == 0
    out = capsys.readouterr().out
    assert "Carried over: 2 themes" in out and "1 open action" in out
    assert f"To serve it: wtfc serve {tmp_path / 'next'}" in out
    with Workshop.open(tmp_path / "next") as nxt:
        assert nxt.name == "Autumn" and origin(nxt).workshop == "Test workshop"
        assert len(nxt.indicators) == 3
    # again: the folder is taken
    assert main(["new", str(tmp_path / "next"), "--from", source, "--name", "Again"]) == 2
    assert "already exists and is not empty" in capsys.readouterr().err


def test_a_missing_last_event_is_refused_plainly(tmp_path, capsys):
    code = main(["new", str(tmp_path / "next"), "--from", str(tmp_path / "nope"),
                 "--name", "N"])
    assert code == 2 and "There is no workshop at" in capsys.readouterr().err
    assert not (tmp_path / "next").exists()


def test_a_password_in_the_last_events_address_is_refused(tmp_path, capsys):
    code = main(["new", str(tmp_path / "next"), "--from",
                 "postgresql://u:secret@localhost/db", "--name", "N"])
    err = capsys.readouterr().err
    assert code == 2 and "holds a password" in err and "secret" not in err


def test_new_without_from_is_unchanged(tmp_path, capsys):
    assert main(["new", str(tmp_path / "plain"), "--name", "Plain"]) == 0
    with Workshop.open(tmp_path / "plain") as ws:
        assert origin(ws) is None
