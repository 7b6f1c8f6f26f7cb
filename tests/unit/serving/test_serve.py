"""The Voila command line and the big-screen template: no server started here."""

from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path

import pytest

from workbook.model import InputError
from workbook.serving import serve


def _opt(cmd: list[str], name: str) -> str | None:
    """The value of --name=VALUE in cmd, or None."""
    prefix = f"--{name}="
    values = [c[len(prefix) :] for c in cmd if c.startswith(prefix)]
    assert len(values) <= 1, f"{name} given twice: {values}"
    return values[0] if values else None


def test_runs_voila_with_this_interpreter_on_the_notebooks_folder(tmp_path):
    cmd = serve.voila_command(tmp_path, 8866)
    assert cmd[:4] == [sys.executable, "-m", "workbook.serving.voila_app", str(tmp_path)]
    assert "--no-browser" in cmd


def test_port_host_and_no_port_retries(tmp_path):
    cmd = serve.voila_command(tmp_path, 41234)
    assert _opt(cmd, "port") == "41234"
    assert _opt(cmd, "Voila.ip") == "127.0.0.1"
    assert _opt(cmd, "Voila.port_retries") == "0"


def test_kernel_culling_is_on(tmp_path):
    # Tabs that vanish without closing (a sleeping laptop) leave kernels for the culler; a
    # Wi-Fi drop of a minute must not lose the page's kernel.
    cmd = serve.voila_command(tmp_path, 8866)
    assert 60 <= int(_opt(cmd, "MappingKernelManager.cull_idle_timeout")) <= 300
    assert int(_opt(cmd, "MappingKernelManager.cull_interval")) <= 30


def test_uses_our_template_and_theme(tmp_path):
    cmd = serve.voila_command(tmp_path, 8866)
    assert _opt(cmd, "template") == "wtfc"
    assert _opt(cmd, "classic_tree") == "True"  # our tree.html lists the pages at "/"
    assert _opt(cmd, "theme") == "light"
    assert _opt(serve.voila_command(tmp_path, 8866, theme="dark"), "theme") == "dark"
    with pytest.raises(ValueError, match="theme"):
        serve.voila_command(tmp_path, 8866, theme="solarized")


def test_preheat_on_by_default_and_can_be_turned_off(tmp_path):
    cmd = serve.voila_command(tmp_path, 8866)
    assert _opt(cmd, "preheat_kernel") == "True"
    assert _opt(cmd, "pool_size") == "1"
    # Voila refuses preheating together with progressive rendering.
    assert _opt(cmd, "progressive_rendering") in (None, "False")
    cold = serve.voila_command(tmp_path, 8866, preheat=False)
    assert _opt(cold, "preheat_kernel") is None and _opt(cold, "pool_size") is None


def test_open_browser_drops_no_browser(tmp_path):
    assert "--no-browser" not in serve.voila_command(tmp_path, 8866, open_browser=True)


def test_the_command_line_holds_no_secret_and_names_the_room_rules(tmp_path):
    cmd = serve.voila_command(tmp_path, 8866, host="0.0.0.0", open_room=True)
    assert _opt(cmd, "Voila.ip") == "0.0.0.0"
    assert _opt(cmd, "token") is None and not any("key" in part.lower() for part in cmd)
    assert _opt(cmd, "Voila.identity_provider_class") == serve.IDENTITY_PROVIDER
    assert _opt(cmd, "RoomIdentityProvider.open_room") == "True"


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "::1", "127.0.0.2"])
def test_loopback_is_the_facilitator_without_keys(tmp_path, host):
    cmd = serve.voila_command(tmp_path, 8866, host=host)
    assert _opt(cmd, "token") is None
    assert _opt(cmd, "RoomIdentityProvider.open_room") == "False"


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.20", "::", "workshop.local"])
def test_serve_refuses_the_network_without_the_room_keys(tmp_path, host):
    # InputError is the ValueError the CLI prints as a plain message.
    with pytest.raises(InputError, match="keys"):
        serve.serve(str(tmp_path / "ws"), tmp_path, 8866, host=host)


@pytest.mark.parametrize("port", [0, -1, 65536, "8866", True])
def test_bad_port(tmp_path, port):
    with pytest.raises(ValueError, match="port"):
        serve.voila_command(tmp_path, port)


def test_page_url():
    assert serve.page_url("127.0.0.1", 8866) == "http://127.0.0.1:8866/"
    assert serve.page_url("0.0.0.0", 80, "voila/render/x.ipynb") == (
        "http://0.0.0.0:80/voila/render/x.ipynb")
    assert serve.page_url("::1", 8866) == "http://[::1]:8866/"


def test_find_free_port_can_be_bound():
    import socket

    port = serve.find_free_port()
    assert 0 < port < 65536
    with socket.socket() as s:
        s.bind(("127.0.0.1", port))


# ---- the template, where Voila will look for it ----


def test_jupyter_path_env_puts_our_data_folder_first():
    env = serve.jupyter_path_env({"JUPYTER_PATH": os.pathsep.join(["/a", "/b"]), "X": "1"})
    first, *rest = env["JUPYTER_PATH"].split(os.pathsep)
    assert Path(first) == serve.jupyter_data_dir()
    assert rest == ["/a", "/b"] and env["X"] == "1"
    # idempotent: no duplicate when applied twice
    again = serve.jupyter_path_env(env)["JUPYTER_PATH"].split(os.pathsep)
    assert again == env["JUPYTER_PATH"].split(os.pathsep)
    assert serve.jupyter_path_env({})["JUPYTER_PATH"] == str(serve.jupyter_data_dir())


def test_template_is_where_voila_looks():
    # Voila looks for --template=NAME at <each JUPYTER_PATH entry>/voila/templates/NAME.
    first = Path(serve.jupyter_path_env({})["JUPYTER_PATH"].split(os.pathsep)[0])
    folder = first / "voila" / "templates" / "wtfc"
    assert folder == serve.template_dir()
    assert json.loads((folder / "conf.json").read_text()) == {"base_template": "lab"}
    index = re.sub(r"\{#.*?#\}", "", (folder / "index.html.j2").read_text(), flags=re.S)
    assert "extends 'lab/index.html.j2'" in index
    assert 'include_css("static/wtfc.css")' in index
    assert index.count("<main") == 1 and index.count("</main>") == 1
    assert (folder / "static" / "wtfc.css").stat().st_size > 0
    tree = (folder / "tree.html").read_text()
    assert '<html lang="en">' in tree and "<main" in tree


def selects_class(css: str, cls: str) -> bool:
    """True if a selector in css names the class `cls` itself (".wtfc-card"), not only a
    longer class that starts with it (".wtfc-card-text")."""
    rules = re.sub(r"/\*.*?\*/", "", css, flags=re.S)  # a class named in a comment is no rule
    return re.search(re.escape(cls) + r"(?![\w-])", rules) is not None


def test_selects_class_matches_the_whole_class_name():
    css = "/* .wtfc-gone */ .wtfc-card-text { x: 1 } .wtfc-board:hover, .wtfc-kind-future>p {}"
    assert not selects_class(css, ".wtfc-card")  # only a longer name
    assert not selects_class(css, ".wtfc-gone")  # only in a comment
    assert selects_class(css, ".wtfc-card-text")
    assert selects_class(css, ".wtfc-board")  # before a pseudo-class
    assert selects_class(css, ".wtfc-kind-future")  # before a combinator


def test_stylesheet_covers_the_classes_the_widgets_use():
    css = (serve.template_dir() / "static" / "wtfc.css").read_text()
    for cls in (
        ".wtfc-header",
        ".wtfc-card",
        ".wtfc-kind-working",
        ".wtfc-kind-not_working",
        ".wtfc-kind-future",
        ".wtfc-message",
        ".wtfc-message-error",
        ".wtfc-message-ok",
        ".wtfc-board",
        ".wtfc-column",
        ".widget-label",
        ".widget-button",
    ):
        assert selects_class(css, cls), f"no rule in wtfc.css selects {cls} itself"
    assert "data-jp-theme-light='false'" in css  # the dark theme hook Voila writes on <body>
    for colour in ("#009e73", "#d55e00", "#0072b2"):  # Okabe-Ito kinds
        assert colour in css.lower()


def test_notebooks_dir_is_the_repo_folder():
    from workbook import paths

    root = Path(paths.__file__).resolve().parents[1]
    if not (root / "notebooks").is_dir():
        pytest.skip("not a source checkout")
    assert paths.notebooks_dir() == root / "notebooks"


def test_a_page_may_send_its_kernel_every_file_the_limits_allow():
    from workbook.io.limits import MAX_UPLOAD_BYTES
    from workbook.serving import voila_app

    # tornado's default (10 MiB) would close the page's connection on a 12 MB spreadsheet
    assert voila_app.WEBSOCKET_MAX_MESSAGE > MAX_UPLOAD_BYTES > 10 * 1024 * 1024


def test_the_room_size_sets_the_table_pages_pools(tmp_path):
    def pools(**kwargs) -> dict:
        return json.loads(_opt(serve.voila_command(tmp_path, 8866, **kwargs),
                               "VoilaKernelManager.kernel_pools_config"))

    default = pools()
    assert default["default"] == {"pool_size": 1}
    assert default["02_collect.ipynb"] == {"pool_size": serve.DEFAULT_TABLES + 1}
    room = pools(tables=12)
    assert room["02_collect.ipynb"] == {"pool_size": 13}  # one per table, one for the big screen
    assert room["03_theme.ipynb"] == room["04_understand.ipynb"] == {"pool_size": 3}
    assert pools(tables=1)["03_theme.ipynb"] == {"pool_size": 2}
    for bad in (0, -3, serve.MAX_TABLES + 1):
        with pytest.raises(InputError, match="--tables must be between 1 and"):
            serve.voila_command(tmp_path, 8866, tables=bad)


def test_wtfc_serve_takes_the_number_of_tables():
    from workbook.cli import build_parser

    args = build_parser().parse_args(["serve", "ws", "--tables", "12"])
    assert args.tables == 12
    assert build_parser().parse_args(["serve", "ws"]).tables == serve.DEFAULT_TABLES


def test_wtfc_demo_serves_with_the_default_pools(tmp_path, monkeypatch):
    from workbook import cli

    seen = {}
    monkeypatch.setenv("WTFC_DEMO_DIR", str(tmp_path / "demo"))
    monkeypatch.setattr(serve, "serve", lambda *a, **k: seen.update(k) or 0)
    args = cli.build_parser().parse_args(["demo", "--port", "8899"])
    assert args.func(args) == 0
    assert seen["tables"] == serve.DEFAULT_TABLES and seen["links"] is None


def test_a_cells_output_is_waited_for_on_a_busy_server(tmp_path):
    # nbclient's 4 s default dropped a page's widget when the server was busy: blank page.
    cmd = serve.voila_command(tmp_path, 8866)
    assert int(_opt(cmd, "VoilaExecutor.iopub_timeout")) >= 300


@pytest.mark.skipif(os.name != "posix", reason="ZeroMQ has no ipc transport on Windows")
def test_kernels_talk_over_unix_sockets_not_ports(tmp_path):
    # TCP ports found free were taken before forty kernels starting at once could bind them
    assert _opt(serve.voila_command(tmp_path, 8866), "KernelManager.transport") == "ipc"
