"""No input ends in a traceback: every command, driven with bad arguments, says in one line
what was wrong and exits 1 (failure), 2 (usage) or 78 (configuration)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e.cli.conftest import runner

RSS = b'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title></channel></rss>'
HUGE = "999999999999999999999999"

# (arguments, expected exit status); {empty} {rss} {dir} {binary} {html} {toml} are files.
CASES: list[tuple[list[str], int]] = [
    (["events", "--after", HUGE], 2),
    (["events", "--after", "-1"], 2),
    (["events", "--limit", HUGE], 2),
    (["events", "--limit", "many"], 2),
    (["stories", "--limit", HUGE], 2),
    (["stories", "--limit", "0"], 2),
    (["stories", "--since", "soon"], 2),
    (["stories", "--since", HUGE + "d"], 2),
    (["stories", "--after", "s-nope"], 1),
    (["stories", "--after", "s-1", "--before", "s-2"], 2),
    (["story", "s-00000000"], 1),
    (["story", ""], 1),
    (["story", "../../etc/passwd"], 1),
    (["story", "s-00000000", "--after", "x"], 1),
    (["figure", "no-such-figure"], 1),
    (["figure", "/figures/"], 1),
    (["figure", "nk-shells", "--before", HUGE], 1),
    (["figures", "try", "--units", "", "--context", "x"], 2),
    (["claims", "--story", "s-zzzz"], 1),
    (["claims", "--figure", "nope"], 1),
    (["claims", "--article", "%"], 1),
    (["alerts", "--after", "zzz"], 1),
    (["alerts", "--limit", HUGE], 2),
    (["alerts", "retry", "no-such-alert"], 1),
    (["alerts", "test", "--channel", "pager"], 2),
    (["feeds", "list", "--after", "http://nowhere.example/x"], 1),
    (["feeds", "add", "not a url", "--no-check"], 1),
    (["feeds", "add", "file:///etc/passwd"], 1),
    (["feeds", "add", "http://127.0.0.1:9/x", "--interval", "soon", "--no-check"], 2),
    (["feeds", "add", "http://127.0.0.1:9/x", "--interval", HUGE + "d", "--no-check"], 2),
    (["feeds", "add", "http://127.0.0.1:9/x", "--interval", "0s", "--no-check"], 2),
    (["feeds", "set", "http://127.0.0.1:9/unknown", "--paused"], 1),
    (["feeds", "set", "http://127.0.0.1:9/x"], 2),
    (["feeds", "remove", "http://127.0.0.1:9/unknown"], 1),
    (["feeds", "import", "{empty}"], 1),
    (["feeds", "import", "{rss}"], 1),
    (["feeds", "import", "{binary}"], 1),
    (["feeds", "import", "{html}"], 1),
    (["feeds", "import", "{dir}"], 2),
    (["feeds", "import", "{dir}/missing.opml"], 2),
    (["feeds", "export", "{dir}"], 2),
    (["feeds", "export", "{dir}/no/such/out.opml"], 1),
    (["replay", "no-such-projection"], 2),
    (["init", "{dir}"], 2),
    (["init", "{toml}"], 1),
    (["demo", "--keep", "{toml}"], 2),
    (["--config", "{dir}", "stories"], 78),
    (["--config", "{binary}", "stories"], 78),
    (["--config", "{dir}/missing.toml", "stories"], 78),
    (["--log-level", "loud", "stories"], 2),
    (["no-such-command"], 2),
    (["stories", "--no-such-option"], 2),
]


WRITERS = {"feeds", "init", "demo", "replay", "alerts"}


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    where = tmp_path_factory.mktemp("bad-input")
    (where / "empty.opml").write_bytes(b"")
    (where / "feed.rss").write_bytes(RSS)
    (where / "blob.bin").write_bytes(bytes(range(256)) * 4)
    (where / "page.html").write_text("<html><body><p>not opml</p></body></html>")
    (where / "exists.toml").write_text("# already here\n")
    (where / "dir").mkdir()
    return {
        "empty": str(where / "empty.opml"),
        "rss": str(where / "feed.rss"),
        "binary": str(where / "blob.bin"),
        "html": str(where / "page.html"),
        "toml": str(where / "exists.toml"),
        "dir": str(where / "dir"),
    }


@pytest.mark.parametrize(("args", "status"), CASES, ids=[" ".join(a) for a, _ in CASES])
def test_bad_input_is_one_line_and_a_documented_exit_status(
    demo_dir: Path, tmp_path: Path, files: dict[str, str], args: list[str], status: int
) -> None:
    argv = [a.format(**files) for a in args]
    # Reads on the demo data; what could write gets a private database of its own.
    config: Path | None = demo_dir / "monitor.toml"
    if argv[0] == "--config":
        config = None
    elif argv[0] in WRITERS and argv[1:2] != ["list"]:
        config = tmp_path / "monitor.toml"
        config.write_text(f'database_url = "sqlite:///{tmp_path}/monitor.db"\n')
    out = runner(tmp_path if config != demo_dir / "monitor.toml" else demo_dir, config)(*argv)
    assert "Traceback" not in out.stderr, out.stderr
    said = [line for line in out.stderr.splitlines() if line.strip() and not line.startswith("{")]
    assert len(said) == 1, out.stderr
    assert said[0].startswith(("Error: ", "error: ", "configuration error: ")), said
    assert out.returncode == status, (out.returncode, out.stderr)
