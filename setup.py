"""Build step: ship the pages (notebooks/) and the sample event (sample_data/) in the wheel.

They live at the top of the repository (the layout the project documents), and go into the
installed package as ``workbook/pages/`` and ``workbook/sample_data/``, so that ``wtfc serve``
and ``wtfc demo`` work after ``pip install`` or ``pipx install`` with no source checkout.
Everything else is in pyproject.toml.
"""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent
SHIPPED = {  # source folder -> (folder inside the workbook package, files to take)
    "notebooks": ("pages", ("*.ipynb",)),
    "sample_data": ("sample_data", ("*.csv", "*.xlsx", "*.json", "*.md")),
}


class BuildWithPages(build_py):
    def run(self):
        super().run()
        if getattr(self, "editable_mode", False):
            return  # an editable install reads them from the checkout
        for source, (target, patterns) in SHIPPED.items():
            out = Path(self.build_lib) / "workbook" / target
            # A build folder left by an earlier `pip install .` still holds the pages of then
            # (renamed ones too): the server would list both. Ship exactly today's.
            shutil.rmtree(out, ignore_errors=True)
            out.mkdir(parents=True, exist_ok=True)
            for pattern in patterns:
                for path in sorted((HERE / source).rglob(pattern)):
                    if ".ipynb_checkpoints" in path.parts:
                        continue
                    dest = out / path.relative_to(HERE / source)
                    dest.parent.mkdir(parents=True, exist_ok=True)
                    shutil.copy2(path, dest)


setup(cmdclass={"build_py": BuildWithPages})
