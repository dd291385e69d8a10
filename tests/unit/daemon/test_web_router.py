"""The web router: exact paths, prefixes, read-only methods, handler failures."""

from __future__ import annotations

from monitor.web.server import Handler, Request, Response, Router, parse_listen, text_response


def answer(body: str) -> Handler:
    """A handler answering `body`."""
    return lambda _request: text_response(body)


def crash(_request: Request) -> Response:
    """A handler with a bug."""
    raise RuntimeError("bug")


def router() -> Router:
    """/livez exactly, /figures/ as a prefix, /boom broken."""
    r = Router()
    r.add("/livez", answer("ok"))
    r.add_prefix("/figures/", answer("figure"))
    r.add("/boom", crash)
    return r


def test_exact_paths_and_prefixes_are_served() -> None:
    assert router().dispatch(Request("GET", "/livez")).body == b"ok"
    assert router().dispatch(Request("GET", "/figures/nk-shells")).body == b"figure"


def test_unknown_paths_are_404() -> None:
    assert router().dispatch(Request("GET", "/nothing")).status == 404


def test_the_view_is_read_only() -> None:
    response = router().dispatch(Request("POST", "/livez"))
    assert response.status == 405
    assert response.headers["Allow"] == "GET, HEAD"


def test_a_handler_bug_is_a_500_not_a_crash() -> None:
    assert router().dispatch(Request("GET", "/boom")).status == 500


def test_listen_addresses_parse() -> None:
    assert parse_listen("127.0.0.1:8750") == ("127.0.0.1", 8750)
    assert parse_listen("[::1]:9000") == ("::1", 9000)
