"""Writing output files whole: a reader never sees half a file, and two writers never collide."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path


def write_atomic(path: Path, write: Callable[[Path], object]) -> Path:
    """Call `write(tmp)` on a temporary file beside `path`, then move it into place."""
    path = Path(path)
    fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    os.close(fd)
    tmp = Path(name)
    try:
        write(tmp)
        tmp.replace(path)  # atomic on one filesystem: the last writer wins, whole
    finally:
        tmp.unlink(missing_ok=True)
    return path
