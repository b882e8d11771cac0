"""Settings: the only module that reads the environment.

Every variable has the prefix ``POLICYBOT_``. Command-line flags (``--db``, ``--today``)
override the environment through :func:`load_settings`'s keyword arguments.

Variables::

    POLICYBOT_DB                  SQLite file for knowledge base and state
    POLICYBOT_DATABASE_URL        postgresql://user:password@host/db: the state (sessions,
                                  drafts, tickets, outbox…) lives there instead, shared
                                  by several workers; the knowledge base stays in
                                  POLICYBOT_DB, which every worker reads at start-up
    POLICYBOT_TODAY               YYYY-MM-DD, pretend today is this date (tests, demos)
    POLICYBOT_OUTPUT_DIR          where generated files (checklists, forms) are written
    POLICYBOT_TELEGRAM_TOKEN      bot token from @BotFather (``policybot telegram``)
    POLICYBOT_TELEGRAM_WEBHOOK_URL  public https URL; polling when empty
    POLICYBOT_TELEGRAM_WEBHOOK_SECRET  secret_token checked on webhook calls
    POLICYBOT_TELEGRAM_LISTEN / _PORT  webhook listen address
    POLICYBOT_TELEGRAM_API_BASE   Bot API root, python-telegram-bot's ``base_url`` (the
                                  token is appended, or replaces ``{token}``; default the
                                  public one; a local Bot API server or a loopback fake)
    POLICYBOT_WECOM_CORP_ID / _AGENT_ID / _SECRET / _TOKEN / _AES_KEY   (``policybot wecom``)
    POLICYBOT_WECOM_API_BASE      WeCom server API root (default the public one; a
                                  loopback fake in load tests)
    POLICYBOT_STAFF_IDS           comma-separated "channel:user" ids allowed staff commands
    POLICYBOT_RATE_LIMIT_PER_MINUTE  messages per user per minute on network channels
                                  (default 20; 0 turns the limit off)
    POLICYBOT_RETENTION_DAYS      a user's drafts, transcript and tickets are deleted after
                                  this many days without a message (default 365; 0 = keep)
    POLICYBOT_LOG_FORMAT          ``text`` (default) or ``json``: one JSON object per log
                                  line, each with the request id of its turn
    POLICYBOT_MAX_INFLIGHT        turns a process takes on at once; more get 系统繁忙
                                  and are not recorded, so the channel's retry is served
                                  (default 1024)
    POLICYBOT_KB_RELOAD_SECONDS   how often a running server looks for notices ingested
                                  since it started (default 30; 0 = never)
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated, Any, Literal

import platformdirs
from pydantic import Field, ValidationError, field_validator
from pydantic_settings import BaseSettings, NoDecode, PydanticBaseSettingsSource, SettingsConfigDict


def default_data_dir() -> Path:
    """Per-user data directory, e.g. ``~/.local/share/policybot``."""
    return Path(platformdirs.user_data_dir("policybot", appauthor=False))


class SettingsError(Exception):
    """Raised at start-up when a required setting is missing or malformed.

    The message names the environment variable(s) concerned.
    """


class Settings(BaseSettings):
    """Runtime settings read from ``POLICYBOT_*`` variables (see module docstring)."""

    model_config = SettingsConfigDict(env_prefix="POLICYBOT_", extra="ignore")

    db: Path = Field(default_factory=lambda: default_data_dir() / "policybot.db")
    database_url: str = ""
    today: dt.date | None = None
    output_dir: Path | None = None

    telegram_token: str = ""
    telegram_webhook_url: str = ""
    telegram_webhook_secret: str = ""
    telegram_listen: str = "0.0.0.0"
    telegram_port: int = 8443
    telegram_api_base: str = "https://api.telegram.org/bot"

    wecom_corp_id: str = ""
    wecom_agent_id: str = ""
    wecom_secret: str = ""
    wecom_token: str = ""
    wecom_aes_key: str = ""
    wecom_api_base: str = "https://qyapi.weixin.qq.com/cgi-bin"

    staff_ids: Annotated[list[str], NoDecode] = Field(default_factory=list)
    rate_limit_per_minute: int = Field(default=20, ge=0)
    max_inflight: int = Field(default=1024, ge=1)
    retention_days: int = Field(default=365, ge=0)
    log_format: Literal["text", "json"] = "text"
    kb_reload_seconds: float = Field(default=30.0, ge=0)

    @field_validator("staff_ids", mode="before")
    @classmethod
    def _split_ids(cls, value: Any) -> Any:
        if isinstance(value, str):
            return [s.strip() for s in value.split(",") if s.strip()]
        return value

    @field_validator("database_url")
    @classmethod
    def _postgres_only(cls, value: str) -> str:
        if value and not value.startswith(("postgresql://", "postgres://")):
            raise ValueError("must be a postgresql:// URL")
        return value

    @property
    def state_target(self) -> Path | str:
        """Where the state lives: the PostgreSQL URL when set, else the SQLite file."""
        return self.database_url or self.db

    @property
    def files_dir(self) -> Path:
        """Directory for generated documents (defaults next to the database)."""
        return self.output_dir or (self.db.parent / "files")

    def require(self, *names: str) -> None:
        """Fail fast when settings needed by a command are empty.

        Args:
            names: Attribute names, e.g. ``"telegram_token"``.

        Raises:
            SettingsError: naming the missing ``POLICYBOT_*`` variables.
        """
        missing = [f"POLICYBOT_{n.upper()}" for n in names if not getattr(self, n)]
        if missing:
            raise SettingsError(
                "缺少必需的设置 / missing required setting(s): " + ", ".join(missing)
            )


def load_settings(env: dict[str, str] | None = None, **overrides: Any) -> Settings:
    """Build settings from ``env`` (default: the process environment) plus overrides.

    Args:
        env: Mapping to read ``POLICYBOT_*`` variables from; ``None`` reads ``os.environ``.
        overrides: Values from command-line flags; ``None`` values are ignored.

    Raises:
        SettingsError: a variable is malformed (the message names it).
    """
    clean = {k: v for k, v in overrides.items() if v is not None}
    try:
        if env is None:
            return Settings(**clean)
        data: dict[str, Any] = {
            name: env[key]
            for name in Settings.model_fields
            if (key := f"POLICYBOT_{name.upper()}") in env
        }
        return _InjectedSettings(**(data | clean))
    except ValidationError as exc:
        names = ", ".join("POLICYBOT_" + str(e["loc"][0]).upper() for e in exc.errors() if e["loc"])
        raise SettingsError(f"设置格式错误 / malformed setting(s): {names}: {exc}") from exc


class _InjectedSettings(Settings):
    """Settings read only from init values (an injected environment, for tests)."""

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        return (init_settings,)
