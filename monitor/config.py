"""Configuration: TOML discovery, environment overrides, *_file secrets, validation."""

from __future__ import annotations

import base64
import binascii
import os
import re
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Annotated, Any, Literal
from urllib.parse import urlsplit

import platformdirs
from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
    ValidationInfo,
    field_validator,
)

from monitor.redact import MASK, mask_apprise_url, mask_text

APP = "monitor"
ENV_PREFIX = "MONITOR_"
SECRET_KEYS = frozenset({"secret", "password", "database_url"})


class ConfigError(Exception):
    """An invalid configuration: names the key, the value and the reason (exit status 78).

    One error may hold every problem of a file (`problems`); the first is also `key`,
    `value` and `reason`.
    """

    def __init__(
        self,
        key: str,
        value: object,
        reason: str,
        more: tuple[tuple[str, object, str], ...] = (),
    ) -> None:
        self.key, self.value, self.reason = key, value, reason
        self.problems = ((key, value, reason), *more)
        lines = [_problem_line(*p) for p in self.problems]
        if len(lines) == 1:
            super().__init__(lines[0])
        else:
            super().__init__(f"{len(lines)} problems:\n" + "\n".join(f"  {x}" for x in lines))


def _problem_line(key: str, value: object, reason: str) -> str:
    if not key:
        return reason
    return f"{key}: {reason}" if value is None else f"{key} = {value!r}: {reason}"


_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?\s*$")
_UNITS = {"ms": 0.001, "s": 1.0, "m": 60.0, "h": 3600.0, "d": 86400.0}


def parse_duration(value: object) -> float:
    """'30s', '10m', '1h', '1d' (or a number of seconds) → seconds."""
    if isinstance(value, bool):
        raise ValueError("not a duration (use e.g. 30s, 10m, 1h, 1d)")
    if isinstance(value, int | float):
        seconds = float(value)
    else:
        match = _DURATION.match(str(value))
        if not match:
            raise ValueError("not a duration (use e.g. 30s, 10m, 1h, 1d)")
        seconds = float(match.group(1)) * _UNITS[match.group(2) or "s"]
    if seconds <= 0:
        raise ValueError("a duration must be positive")
    return seconds


def format_duration(seconds: float) -> str:
    """Seconds → the shortest exact form ('15m', '20s', '1h')."""
    for unit in ("d", "h", "m", "s"):
        size = _UNITS[unit]
        if seconds >= size and seconds % size == 0:
            return f"{int(seconds // size)}{unit}"
    return f"{seconds:g}s"


Duration = Annotated[float, BeforeValidator(parse_duration)]


def _check_http_url(value: str) -> str:
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError("must be an http:// or https:// URL")
    return value


HttpUrl = Annotated[str, BeforeValidator(lambda v: _check_http_url(str(v)))]


class Strict(BaseModel):
    """Base: unknown keys are errors, values are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class PollingConfig(Strict):
    """[polling]"""

    interval: Duration = 900.0
    timeout: Duration = 20.0
    max_bytes: int = Field(15_000_000, gt=0)
    concurrency: int = Field(32, ge=1, le=1024)
    per_host: int = Field(2, ge=1, le=64)
    full_text: Literal["auto", "always", "never"] = "auto"
    # New or changed entries taken from one feed per poll; the rest come on the next polls.
    max_entries_per_poll: int = Field(500, ge=1, le=100_000)
    # Private/loopback targets: "explicit" (feeds you add: yes; redirects and full-text links
    # from a public host: no), "deny" or "allow".
    private_addresses: Literal["explicit", "deny", "allow"] = "explicit"


class FeedConfig(Strict):
    """[[feeds]]"""

    url: HttpUrl
    name: str | None = None
    interval: Duration | None = None


class FigureConfig(Strict):
    """[[figures]]"""

    name: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]*$")
    label: str
    units: tuple[str, ...]
    context: tuple[str, ...]
    about: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    min_change: float = Field(0.05, ge=0, lt=1)
    alert_on_first: bool = True

    @field_validator("units", "context", "about", "exclude")
    @classmethod
    def _terms(cls, v: tuple[str, ...], info: ValidationInfo) -> tuple[str, ...]:
        if not v and info.field_name in ("units", "context"):
            what = "what is counted" if info.field_name == "units" else "whom it is about"
            raise ValueError(f"is empty: list at least one term ({what}); nothing could bind")
        blank = [i for i, term in enumerate(v) if not term.strip()]
        if blank:
            raise ValueError(f"term {blank[0] + 1} is empty: no claim could match it")
        return tuple(term.strip() for term in v)

    @field_validator("exclude")
    @classmethod
    def _not_about(cls, v: tuple[str, ...], info: ValidationInfo) -> tuple[str, ...]:
        # An exclude term inside an about term ("missing" vs "still missing") rejects every
        # clause the about term admits: the figure could never bind a claim.
        for term in v:
            inside = re.compile(rf"(?<!\w){re.escape(term)}(?!\w)", re.IGNORECASE)
            clash = next((a for a in info.data.get("about", ()) if inside.search(a)), None)
            if clash is not None:
                raise ValueError(
                    f"{term!r} overlaps about term {clash!r}: no claim could bind to the figure"
                )
        return v


class WebhookConfig(Strict):
    """[[alerts.webhooks]]"""

    url: HttpUrl
    secret: str

    @field_validator("secret")
    @classmethod
    def _whsec(cls, v: str) -> str:
        if not v.startswith("whsec_"):
            raise ValueError("a webhook secret starts with whsec_ (Standard Webhooks)")
        encoded = v.removeprefix("whsec_")
        try:  # the same rule as the webhook channel's, so `config check` catches it too
            key = base64.b64decode(encoded + "=" * (-len(encoded) % 4), validate=True)
        except (binascii.Error, ValueError):
            raise ValueError("webhook secret: not valid base64 after 'whsec_'") from None
        if len(key) < 16:
            raise ValueError("webhook secret: key too short (need at least 16 bytes)")
        return v


_ADDRESS = re.compile(
    r"^[^@\s<>(),;:\"\[\]]+@[^\W_](?:[\w-]*[^\W_])?(?:\.[^\W_](?:[\w-]*[^\W_])?)*$"
)


def check_address(value: str) -> str:
    """An e-mail address, bare or with a display name ("Desk <desk@example.org>")."""
    from email.utils import parseaddr

    name, address = parseaddr(value)
    bare = value.strip()
    if not address or not _ADDRESS.match(address) or (not name and address != bare):
        raise ValueError(f"{value!r} is not an e-mail address (like desk@example.org)")
    return value


class EmailConfig(Strict):
    """[[alerts.email]]"""

    to: tuple[str, ...] = Field(min_length=1)
    from_: str = Field(alias="from")
    smtp_url: str
    password: str | None = None

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    @field_validator("to")
    @classmethod
    def _to(cls, v: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(check_address(a) for a in v)

    @field_validator("from_")
    @classmethod
    def _from(cls, v: str) -> str:
        return check_address(v)

    @field_validator("smtp_url")
    @classmethod
    def _smtp(cls, v: str) -> str:
        parts = urlsplit(v)
        if parts.scheme not in ("smtp", "smtps") or not parts.hostname:
            raise ValueError("must be smtp://[user@]host[:port] or smtps://...")
        return v


class AppriseConfig(Strict):
    """[[alerts.apprise]]"""

    url: str

    @field_validator("url")
    @classmethod
    def _apprise(cls, v: str) -> str:
        # Apprise's own parser decides (imported only when an apprise channel is configured).
        import logging

        import apprise

        quiet = logging.getLogger("apprise")
        level, quiet.level = quiet.level, logging.CRITICAL  # the reason is ours to say
        try:
            accepted = apprise.Apprise().add(v)
        finally:
            quiet.level = level
        if not accepted:
            raise ValueError("Apprise cannot use this URL (see the Apprise wiki for its forms)")
        return v


class AlertsConfig(Strict):
    """[alerts]"""

    public_url: str = ""
    webhooks: tuple[WebhookConfig, ...] = ()
    email: tuple[EmailConfig, ...] = ()
    apprise: tuple[AppriseConfig, ...] = ()


class WebConfig(Strict):
    """[web]"""

    listen: str = "127.0.0.1:8750"

    @field_validator("listen")
    @classmethod
    def _listen(cls, v: str) -> str:
        if v and not re.match(r"^(\[[0-9a-fA-F:]+\]|[\w.-]+):\d{1,5}$", v):
            raise ValueError("must be HOST:PORT (or empty to disable)")
        return v


class LoggingConfig(Strict):
    """[logging]"""

    level: Literal["debug", "info", "warning", "error"] = "info"
    format: Literal["auto", "json", "console"] = "auto"


class Config(Strict):
    """The whole effective configuration."""

    database_url: str = ""
    polling: PollingConfig = PollingConfig()
    feeds: tuple[FeedConfig, ...] = ()
    figures: tuple[FigureConfig, ...] = ()
    alerts: AlertsConfig = AlertsConfig()
    web: WebConfig = WebConfig()
    logging: LoggingConfig = LoggingConfig()

    @field_validator("database_url")
    @classmethod
    def _database(cls, v: str) -> str:
        return check_database_url(v) if v else v

    @field_validator("figures")
    @classmethod
    def _unique_figures(cls, v: tuple[FigureConfig, ...]) -> tuple[FigureConfig, ...]:
        names = [f.name for f in v]
        dupes = sorted({n for n in names if names.count(n) > 1})
        if dupes:
            raise ValueError(f"figure names must be unique: {', '.join(dupes)}")
        return v


DATABASE_DRIVERS = ("sqlite", "sqlite+pysqlite", "postgresql", "postgresql+psycopg")


def check_database_url(value: str) -> str:
    """A SQLAlchemy URL for a store the monitor supports: SQLite or PostgreSQL via psycopg."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        url = make_url(value)
    except (ArgumentError, ValueError):
        raise ValueError(
            "not a database URL (use sqlite:///PATH or postgresql+psycopg://USER@HOST/DB)"
        ) from None
    if url.drivername not in DATABASE_DRIVERS:
        raise ValueError(
            f"unsupported database {url.drivername!r}: use sqlite:///PATH or "
            "postgresql+psycopg://USER@HOST/DB"
        )
    if url.get_backend_name() == "postgresql" and not (url.host or url.query.get("host")):
        raise ValueError("a PostgreSQL URL names its host: postgresql+psycopg://USER@HOST/DB")
    return value


def state_dir() -> Path:
    """$STATE_DIRECTORY under systemd, else the platform's user state directory."""
    env = os.environ.get("STATE_DIRECTORY")
    if env:
        return Path(env.split(":")[0])
    return Path(platformdirs.user_state_dir(APP))


def default_database_url() -> str:
    """SQLite file monitor.db in the state directory."""
    return f"sqlite:///{state_dir() / 'monitor.db'}"


def find_config_file(explicit: str | None = None) -> Path | None:
    """The config file by docs/SPEC.md §3's discovery order; None when there is none (defaults apply)."""
    if explicit:
        path = Path(explicit)
        if not path.is_file():
            raise ConfigError("--config", explicit, "no such file")
        return path
    env = os.environ.get("MONITOR_CONFIG")
    if env:
        if not Path(env).is_file():
            raise ConfigError("MONITOR_CONFIG", env, "no such file")
        return Path(env)
    candidates = [Path("monitor.toml")]
    if os.environ.get("CONFIGURATION_DIRECTORY"):
        candidates.append(
            Path(os.environ["CONFIGURATION_DIRECTORY"].split(":")[0]) / "monitor.toml"
        )
    candidates.append(Path(platformdirs.user_config_dir(APP)) / "monitor.toml")
    return next((p for p in candidates if p.is_file()), None)


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError("", None, f"{path}: malformed TOML: {exc}") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError("", None, f"{path}: cannot read: {exc}") from exc


def _coerce_env(value: str) -> Any:
    # Environment values are strings; TOML-parse them so numbers and booleans keep their type.
    try:
        return tomllib.loads(f"v = {value}")["v"]
    except tomllib.TOMLDecodeError:
        return value


def apply_env(data: dict[str, Any], environ: Mapping[str, str]) -> dict[str, Any]:
    """Apply MONITOR_<SECTION>__<KEY> (and MONITOR_<KEY> for top-level keys) overrides."""
    out = {k: (dict(v) if isinstance(v, dict) else v) for k, v in data.items()}
    for name, raw in sorted(environ.items()):
        if not name.startswith(ENV_PREFIX) or name == "MONITOR_CONFIG":
            continue
        if name.startswith("MONITOR_TEST_"):
            continue
        path = name[len(ENV_PREFIX) :].lower().split("__")
        if len(path) == 1:
            out[path[0]] = _coerce_env(raw)
        elif len(path) == 2:
            section = out.setdefault(path[0], {})
            if not isinstance(section, dict):
                raise ConfigError(f"{name} (environment)", raw, f"{path[0]} is not a section")
            section[path[1]] = _coerce_env(raw)
        else:
            raise ConfigError(f"{name} (environment)", raw, "use MONITOR_<SECTION>__<KEY>")
    return out


def _resolve_files(node: Any, where: str) -> Any:
    """Replace every `X_file = PATH` by `X = <file contents>` (systemd credentials)."""
    if isinstance(node, list):
        return [_resolve_files(v, f"{where}[{i}]") for i, v in enumerate(node)]
    if not isinstance(node, dict):
        return node
    out: dict[str, Any] = {}
    for key, value in node.items():
        full = f"{where}.{key}" if where else key
        if key.endswith("_file") and isinstance(value, str):
            base = key[: -len("_file")]
            if base in node:
                raise ConfigError(full, value, f"give either {base} or {key}, not both")
            path = Path(
                os.path.expandvars(
                    value.replace("%d", os.environ.get("CREDENTIALS_DIRECTORY", "%d"))
                )
            )
            try:
                out[base] = path.read_text(encoding="utf-8").rstrip("\r\n")
            except OSError as exc:
                raise ConfigError(full, value, f"cannot read secret file: {exc.strerror}") from exc
        else:
            out[key] = _resolve_files(value, full)
    return out


def env_keys(environ: Mapping[str, str]) -> dict[str, str]:
    """Setting path ("polling.timeout") → the environment variable that overrides it."""
    found: dict[str, str] = {}
    for name in environ:
        if not name.startswith(ENV_PREFIX) or name == "MONITOR_CONFIG":
            continue
        if name.startswith("MONITOR_TEST_"):
            continue
        found[".".join(name[len(ENV_PREFIX) :].lower().split("__"))] = name
    return found


def _model_at(loc: list[str]) -> type[BaseModel] | None:
    """The model whose keys are valid at `loc` (the path of the parent of an unknown key)."""
    import typing

    model: type[BaseModel] = Config
    for part in loc:
        if part.isdigit():
            continue
        field = next((f for n, f in model.model_fields.items() if part in (n, f.alias)), None)
        if field is None:
            return None
        kind: Any = field.annotation
        for arg in (kind, *typing.get_args(kind)):
            if isinstance(arg, type) and issubclass(arg, BaseModel):
                model = arg
                break
        else:
            return None
    return model


def _did_you_mean(loc: list[str]) -> str:
    import difflib

    model = _model_at(loc[:-1])
    if model is None:
        return ""
    known = [f.alias or n for n, f in model.model_fields.items()]
    close = difflib.get_close_matches(loc[-1], known, n=1, cutoff=0.6)
    return f"; did you mean {close[0]!r}?" if close else f" (known: {', '.join(known)})"


def _problems(exc: ValidationError, env: Mapping[str, str]) -> list[tuple[str, object, str]]:
    found: list[tuple[str, object, str]] = []
    for err in exc.errors():
        loc = [str(p) for p in err["loc"] if not str(p).startswith("function-")]
        key = ".".join(p if not p.isdigit() else f"[{p}]" for p in loc).replace(".[", "[")
        value = err.get("input")
        reason = str(err["msg"]).removeprefix("Value error, ")
        if err["type"] == "extra_forbidden":
            reason = "unknown setting" + _did_you_mean(loc)
        elif err["type"] == "missing":
            reason, value = "required setting is missing", None
        elif err["type"] == "string_pattern_mismatch":
            pattern = (err.get("ctx") or {}).get("pattern", "")
            reason = f"must match the pattern {pattern}"
            if loc[-1:] == ["name"] and loc[:1] == ["figures"]:
                reason += " (lower-case letters, digits, '-' and '_', e.g. \"nk-shells\")"
        if isinstance(value, dict | list):
            value = None
        # An error never echoes a secret: the value masked, and the reason too (a parser
        # may quote what it was given).
        value = _mask(_last_key(key), value, key)
        reason = mask_text(reason)
        variable = env.get(".".join(p for p in loc if not p.isdigit()))
        if variable is not None and not any(p.isdigit() for p in loc):
            key = f"{variable} (environment)"
        found.append((key or "(top level)", value, reason))
    return found


def _last_key(key: str) -> str:
    return re.sub(r"\[\d+\]$", "", key.rsplit(".", 1)[-1])


def build(data: dict[str, Any], environ: Mapping[str, str] | None = None) -> Config:
    """Validate raw TOML data plus environment overrides into a Config."""
    environ = os.environ if environ is None else environ
    merged = apply_env(data, environ)
    merged = _resolve_files(merged, "")
    try:
        config = Config.model_validate(merged)
    except ValidationError as exc:
        first, *more = _problems(exc, env_keys(environ))
        raise ConfigError(*first, more=tuple(more)) from None
    if not config.database_url:
        config = config.model_copy(update={"database_url": default_database_url()})
    return config


def source_of(path: Path | None) -> str | None:
    """How a config file is recorded as the source of what it declares: its absolute path."""
    return None if path is None else str(path.resolve())


def load(
    explicit: str | None = None, environ: Mapping[str, str] | None = None
) -> tuple[Config, Path | None]:
    """Find, read and validate the configuration; returns it with the file it came from."""
    path = find_config_file(explicit)
    data = _read_toml(path) if path else {}
    return build(data, environ), path


def _mask(key: str, value: Any, where: str = "") -> Any:
    """A setting's value as it may be shown: secrets masked, URLs without their credentials."""
    if value in (None, ""):
        return value
    if key in ("secret", "password"):
        return MASK
    if not isinstance(value, str):
        return value
    if key == "url" and "apprise" in where:
        return mask_apprise_url(value)
    return mask_text(value)


def masked(config: Config) -> dict[str, Any]:
    """The effective configuration as plain data with secrets masked and durations readable."""

    def walk(node: Any, key: str = "", where: str = "") -> Any:
        if isinstance(node, dict):
            return {k: walk(v, k, f"{where}.{k}") for k, v in node.items()}
        if isinstance(node, list | tuple):
            return [walk(v, key, where) for v in node]
        if key in ("interval", "timeout") and isinstance(node, float):
            return format_duration(node)
        return _mask(key, node, where)

    result: dict[str, Any] = walk(config.model_dump(by_alias=True))
    return result
