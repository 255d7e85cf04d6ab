"""The `hub` command: a thin argparse front over the hub's services.

Each subpackage contributes its command group with `register(subcommands)`, adding subparsers whose
defaults carry `handler=<function(args) -> exit code>`. To add one, append its `register` to
`COMMAND_GROUPS`; keep the logic in the subpackage, not here.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Callable, Sequence

import asyncpg

from adapters import cli as adapter_cli
from consumers import cli as consumer_cli
from hub import __version__, agreements_cli, keys_cli, oversight_cli
from hub.errors import HubError
from hub.log import configure_logging
from hub.stack import cli as stack_cli

Subcommands = argparse._SubParsersAction  # argparse exposes no public name for the type of add_subparsers()
CommandGroup = Callable[["Subcommands[argparse.ArgumentParser]"], None]

COMMAND_GROUPS: tuple[CommandGroup, ...] = (
    stack_cli.register,
    adapter_cli.register,
    consumer_cli.register,
    oversight_cli.register,
    agreements_cli.register,
    keys_cli.register,
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="hub", description="The ViSOR transfer hub.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log debug events")
    subcommands = parser.add_subparsers(title="commands", metavar="COMMAND", required=True)
    for register in COMMAND_GROUPS:
        register(subcommands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one `hub` command; the exit code is 0 on success."""
    args = build_parser().parse_args(argv)
    configure_logging("console", level=logging.DEBUG if args.verbose else logging.INFO)
    handler: Callable[[argparse.Namespace], int] = args.handler
    try:
        return handler(args)
    except HubError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except (asyncpg.UndefinedTableError, asyncpg.UndefinedColumnError):
        print("error: the database schema is older than this hub: run `hub db migrate`", file=sys.stderr)
        return 1
    except asyncpg.PostgresError as exc:
        # the server's message can quote row values: say what failed, not what it contained
        print(
            f"error: the database refused the operation ({exc.__class__.__name__}, SQLSTATE {exc.sqlstate})",
            file=sys.stderr,
        )
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (`hub stack status | head`); point stdout at /dev/null so the final flush is quiet.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1


if __name__ == "__main__":
    sys.exit(main())
