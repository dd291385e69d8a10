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
    field_validator,
)

from monitor.redact import MASK, mask_apprise_url, mask_text

APP = "monitor"
ENV_PREFIX = "MONITOR_"
SECRET_KEYS = frozenset({"secret", "password", "database_url"})


class ConfigError(Exception):
    """An invalid configuration: names the key, the value and the reason (exit status 78)."""

    def __init__(self, key: str, value: object, reason: str) -> None:
        self.key, self.value, self.reason = key, value, reason
        super().__init__(f"{key} = {value!r}: {reason}" if key else reason)


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
    units: tuple[str, ...] = Field(min_length=1)
    context: tuple[str, ...] = ()
    min_change: float = Field(0.05, ge=0, lt=1)
    alert_on_first: bool = True


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


class EmailConfig(Strict):
    """[[alerts.email]]"""

    to: tuple[str, ...] = Field(min_length=1)
    from_: str = Field(alias="from")
    smtp_url: str
    password: str | None = None

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

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

    @field_validator("figures")
    @classmethod
    def _unique_figures(cls, v: tuple[FigureConfig, ...]) -> tuple[FigureConfig, ...]:
        names = [f.name for f in v]
        dupes = sorted({n for n in names if names.count(n) > 1})
        if dupes:
            raise ValueError(f"figure names must be unique: {', '.join(dupes)}")
        return v


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
    """The config file by SPEC §3's discovery order; None when there is none (defaults apply)."""
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
                raise ConfigError(name, raw, f"{path[0]} is not a section")
            section[path[1]] = _coerce_env(raw)
        else:
            raise ConfigError(name, raw, "use MONITOR_<SECTION>__<KEY>")
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


def _first_error(exc: ValidationError, data: dict[str, Any]) -> ConfigError:
    err = exc.errors()[0]
    loc = [str(p) for p in err["loc"] if not str(p).startswith("function-")]
    key = ".".join(p if not p.isdigit() else f"[{p}]" for p in loc).replace(".[", "[")
    value = err.get("input")
    reason = str(err["msg"]).removeprefix("Value error, ")
    if err["type"] == "extra_forbidden":
        reason = "unknown setting"
    if err["type"] == "missing":
        reason, value = "required setting is missing", None
    if isinstance(value, dict):
        value = None
    return ConfigError(key or "(top level)", _mask(_last_key(key), value, key), mask_text(reason))


def _last_key(key: str) -> str:
    return re.sub(r"\[\d+\]$", "", key.rsplit(".", 1)[-1])


def build(data: dict[str, Any], environ: Mapping[str, str] | None = None) -> Config:
    """Validate raw TOML data plus environment overrides into a Config."""
    merged = apply_env(data, os.environ if environ is None else environ)
    merged = _resolve_files(merged, "")
    try:
        config = Config.model_validate(merged)
    except ValidationError as exc:
        raise _first_error(exc, merged) from exc
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
