"""Logging for the whole hub, configured once: JSON lines in services, readable output in the CLI.

Log events carry ids (event_id, nominal_id, delivery_id), never names, dates of birth or intelligence text.
"""

from __future__ import annotations

import logging
import sys
from typing import Literal

import structlog

Mode = Literal["json", "console"]


def configure_logging(mode: Mode = "console", level: int = logging.INFO) -> None:
    """Set up structlog and the standard library logging it feeds; safe to call again (tests reset it)."""
    renderer: structlog.types.Processor = (
        structlog.processors.JSONRenderer() if mode == "json" else structlog.dev.ConsoleRenderer(colors=False)
    )
    structlog.reset_defaults()
    structlog.configure(
        processors=[
            structlog.contextvars.merge_contextvars,
            structlog.processors.add_log_level,
            structlog.processors.TimeStamper(fmt="iso", utc=True),
            structlog.processors.StackInfoRenderer(),
            structlog.processors.format_exc_info,
            renderer,
        ],
        wrapper_class=structlog.make_filtering_bound_logger(level),
        logger_factory=structlog.PrintLoggerFactory(file=sys.stderr),
        cache_logger_on_first_use=False,
    )
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr, format="%(levelname)s %(name)s %(message)s")


def get_logger(name: str) -> structlog.stdlib.BoundLogger:
    """A logger bound to a component name."""
    logger: structlog.stdlib.BoundLogger = structlog.get_logger(component=name)
    return logger
