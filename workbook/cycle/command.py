"""`wtfc new NEXT --from LAST --name NAME`: the next event started from the last."""

from __future__ import annotations

import argparse
import shlex

from workbook.cycle.carry import start_next
from workbook.model import InputError
from workbook.store.urls import HOW_TO_GIVE_A_PASSWORD, has_password, mask_url


def serve_command(folder: object) -> str:
    """The command that serves a workshop folder, quoted for a shell."""
    return f"wtfc serve {shlex.quote(str(folder))}"


def new_from(args: argparse.Namespace) -> int:
    """Make the next event (args.dir, args.name, args.db) from args.from_; print what."""
    from workbook.workshop import Workshop

    if has_password(args.from_):
        raise InputError(f"The address {mask_url(args.from_)} holds a password, which any user "
                         f"of this machine can read on a command line. {HOW_TO_GIVE_A_PASSWORD}")
    with Workshop.open(args.from_) as last:
        started = start_next(last, args.dir, args.name, db_url=args.db, actor="command line")
    for line in started.sentences():
        print(line)
    print(f"To serve it: {serve_command(started.folder)}")
    return 0
