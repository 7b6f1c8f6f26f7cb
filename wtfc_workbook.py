"""The `wtfc` command's entry point: checks that `workbook` and `widgets` are this project's."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    found = []
    for name in ("workbook", "widgets"):
        try:
            module = __import__(name)
        except Exception as exc:  # noqa: BLE001 - any failure here is the same advice
            found.append(f"  {name}: cannot be imported ({exc})")
            continue
        if not getattr(module, "WTFC_WORKBOOK", False):
            where = getattr(module, "__file__", None) or "(a namespace package)"
            found.append(f"  {name}: {where} belongs to another package")
    if found:
        print(
            "wtfc: this Python finds packages named 'workbook' or 'widgets' that are not "
            "wtfc-workbook's:\n" + "\n".join(found) + "\n"
            "Install wtfc-workbook in an environment of its own: `pipx install wtfc-workbook` "
            "(a copy of the project or its wheel), or `python3 -m venv wtfc-env && "
            "wtfc-env/bin/pip install wtfc-workbook`.",
            file=sys.stderr,
        )
        return 2
    from workbook.cli import main as cli_main

    return cli_main(argv)


if __name__ == "__main__":
    sys.exit(main())
