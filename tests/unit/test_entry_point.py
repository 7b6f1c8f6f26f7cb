"""`wtfc` says plainly when `workbook` or `widgets` is another package's."""

from __future__ import annotations

import sys
import types

import wtfc_workbook


def test_our_packages_are_recognised(tmp_path, capsys):
    from workbook import Workshop

    Workshop.create(tmp_path / "w", "Check").close()
    assert wtfc_workbook.main(["stats", str(tmp_path / "w")]) == 0
    assert "0 reviews" in capsys.readouterr().out


def test_another_workbook_package_is_named(monkeypatch, capsys):
    impostor = types.ModuleType("workbook")
    impostor.__file__ = "/somewhere/site-packages/workbook/__init__.py"
    monkeypatch.setitem(sys.modules, "workbook", impostor)
    assert wtfc_workbook.main(["stats", "x"]) == 2
    err = capsys.readouterr().err
    assert "/somewhere/site-packages/workbook/__init__.py belongs to another package" in err
    assert "pipx install wtfc-workbook" in err


def test_ours_carry_the_mark():
    import widgets
    import workbook

    assert workbook.WTFC_WORKBOOK is True and widgets.WTFC_WORKBOOK is True
