"""The `drugstrat` command line: a thin layer that parses options, calls the library, renders.

Heavy packages (rich, ruamel.yaml, pydantic) are imported inside the commands that need them, so
a query costs little more than starting typer.
"""

import os
import sys
from pathlib import Path
from typing import Annotated, Any, NamedTuple

import typer
from typer import _click as click
from typer.core import TyperGroup

from drugstrat import __version__


class Command(NamedTuple):
    name: str
    module: str  # the module of drugstrat.cli defining it
    section: str  # where `--help` lists it
    summary: str  # its line there


# The commands as `drugstrat --help` lists them: what an analyst reaches for first.
COMMANDS = (
    Command("search", "search", "Read and search", "Find records by their words, in any language"),
    Command("show", "query", "Read and search", "A record in its languages, side by side"),
    Command("read", "read", "Read and search", "A passage in full, as text or Markdown"),
    Command("cite", "read", "Read and search", "A ready citation of a record"),
    Command("list", "query", "Read and search", "Records in document order, filtered"),
    Command("xref", "search", "Read and search", "Everything connected to a record"),
    Command("groups", "search", "Read and search", "Target groups and the objectives naming them"),
    Command("terms", "search", "Read and search", "A term and its translations"),
    Command("diff", "diff", "Check the translation", "Do the language versions say the same?"),
    Command("checks", "diff", "Check the translation", "The checks `diff` runs"),
    Command("report", "review", "Check the translation", "The whole diff as one HTML page"),
    Command("export", "export", "Export and build",
            "TMX, XLIFF, xlsx, CSV, JSON Lines, SQLite"),
    Command("validate", "validate", "Export and build", "Schema and alignment problems"),
    Command("build", "build", "Export and build", "Source texts to knowledge base"),
)


class _Group(TyperGroup):
    """The command group: commands in `COMMANDS` order, listed by section with one line each
    (click would sort them and cut their descriptions), each command's module imported only
    when click resolves that command's name — a query pays for one module, whatever global
    options come before it.

    Every command also accepts the global options (`--data`, `--width`, `--color`) after its
    name — `drugstrat show 3.4 --data DIR` — as copies of the group's own, which update the
    run's `Invocation` (see `_shared`)."""

    def __init__(self, **attrs: Any) -> None:
        super().__init__(**attrs)
        for command in self.commands.values():
            self._share_options(command)

    def add_command(self, cmd: click.Command, name: str | None = None) -> None:
        self._share_options(cmd)
        super().add_command(cmd, name)

    def _share_options(self, command: click.Command) -> None:
        taken = {opt for param in command.params for opt in getattr(param, "opts", ())}
        for option in self.params:
            if option.name in GLOBAL_OPTIONS and not taken & set(getattr(option, "opts", ())):
                command.params.append(_shared(option))

    def list_commands(self, ctx: click.Context) -> list[str]:
        known = [c.name for c in COMMANDS]
        return known + sorted(n for n in self.commands if n not in known)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in COMMAND_MODULES:
            self._load(cmd_name)
        return super().get_command(ctx, cmd_name)

    def _load(self, name: str) -> None:
        """Import the module of a command and build that one command (typer reads every
        parameter's annotations to build one: a query pays for its own command only)."""
        import importlib

        from typer.main import get_command_from_info, get_command_name

        importlib.import_module(f"drugstrat.cli.{COMMAND_MODULES[name]}")
        for info in app.registered_commands:
            assert info.callback is not None
            if (info.name or get_command_name(info.callback.__name__)) == name:
                self.add_command(get_command_from_info(
                    info, pretty_exceptions_short=app.pretty_exceptions_short,
                    rich_markup_mode=app.rich_markup_mode), name)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        for section in dict.fromkeys(c.section for c in COMMANDS):
            with formatter.section(section):
                formatter.write_dl([(c.name, c.summary) for c in COMMANDS
                                    if c.section == section])


app = typer.Typer(
    name="drugstrat",
    help="Query, cross-reference and check the language versions of the Interfederal Drugs "
    "Strategy.",
    cls=_Group,
    context_settings={"help_option_names": ["-h", "--help"]},
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


COLORS = ("auto", "always", "never")
# The options of the group that every command accepts after its name as well.
GLOBAL_OPTIONS = ("data", "width", "color")


def _colors(incomplete: str) -> list[str]:
    return [c for c in COLORS if c.startswith(incomplete.lower())]


def _color(value: str | None) -> str | None:
    if value is not None and value.lower() not in COLORS:
        raise typer.BadParameter(f"{value!r}: give {', '.join(COLORS)}", param_hint="--color")
    return value.lower() if value is not None else None


def _shared(option: click.Parameter) -> click.Parameter:
    """A command's copy of a global option: no default and no environment variable of its own
    (a value given before the command name, or by the environment, stands unless this one is
    given), and a value given here goes to the run's `Invocation`."""
    import copy

    shared = copy.copy(option)
    shared.expose_value = False
    shared.envvar = None
    shared.default = None
    shared.is_eager = False

    def given(ctx: click.Context, param: click.Parameter, value: Any) -> Any:
        if value is not None:
            from drugstrat.cli.context import Invocation

            if param.name == "color":
                value = _color(value)
            elif param.name == "data":
                value = Path(value)  # typer converts the group's own, not a copy's
            setattr(Invocation.of(ctx), str(param.name), value)
        return value

    shared.callback = given
    return shared


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"drugstrat {__version__}\n")
        raise typer.Exit()


@app.callback()
def _options(
    ctx: typer.Context,
    data: Annotated[
        Path | None,
        typer.Option(
            "--data",
            envvar="DRUGSTRAT_DATA",
            help="Knowledge base directory (default: the bundled one).",
            file_okay=False,
        ),
    ] = None,
    width: Annotated[
        int | None,
        typer.Option("--width", min=20, help="Draw tables this many columns wide (default: "
                                             "the terminal's; under 80, records stack)."),
    ] = None,
    color: Annotated[
        str | None,
        typer.Option("--color", metavar="auto|always|never", callback=_color,
                     autocompletion=_colors,
                     help="Colour tables and matches: on a terminal (auto), always (for "
                          "`less -R`), never."),
    ] = None,
    max_size: Annotated[
        str | None,
        typer.Option("--max-size", metavar="SIZE",
                     help="Read no file larger than this: a source, the YAML people edit, "
                          "decisions (default 100M; also DRUGSTRAT_MAX_SIZE)."),
    ] = None,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    from drugstrat.cli.context import Invocation

    ctx.obj = Invocation(data=data, width=width, color=color)
    _size_limit(ctx, max_size)
    _forgiving_streams()


def _size_limit(ctx: typer.Context, given: str | None) -> None:
    """--max-size for this run; else DRUGSTRAT_MAX_SIZE, checked now: a value that is no size
    is the user's mistake whether or not a command would come to read a file."""
    from drugstrat.errors import DrugstratError
    from drugstrat.storage.limits import ENV_VAR, limited, parse_size

    spec, hint = (given, "--max-size") if given is not None else (os.environ.get(ENV_VAR),
                                                                  ENV_VAR)
    if not spec and given is None:
        return
    try:
        size = parse_size(spec or "")
    except DrugstratError as exc:
        raise typer.BadParameter(str(exc), param_hint=hint) from None
    if given is not None:
        ctx.with_resource(limited(size))


def _forgiving_streams() -> None:
    """Where stdout or stderr cannot encode all of Unicode (PYTHONIOENCODING=ascii, an old
    console), write what it cannot as escapes rather than fail half-way (JSON then escapes
    every non-ASCII character itself, and stays valid)."""
    for stream in (sys.stdout, sys.stderr):
        encoding = getattr(stream, "encoding", None) or "utf-8"
        try:
            "é—€".encode(encoding)
        except (UnicodeEncodeError, LookupError):
            reconfigure = getattr(stream, "reconfigure", None)
            if reconfigure is not None:
                reconfigure(errors="backslashreplace")


# Each module registers its commands on `app` when imported; the group imports the module of the
# command being run (see `_Group`), and `drugstrat.cli.commands` imports them all, for tests and
# library users.
COMMAND_MODULES = {command.name: command.module for command in COMMANDS}


def register_all() -> None:
    """Import every command module (their commands register on `app`)."""
    import importlib

    for module in sorted(set(COMMAND_MODULES.values())):
        importlib.import_module(f"drugstrat.cli.{module}")


def _whole_writes() -> None:
    """Standard output that says when it cannot take what is written. Closed by the shell
    (`>&-`), it is an object whose every write fails with that said; unbuffered (python -u,
    PYTHONUNBUFFERED), a short write — a file at its size limit — would drop the rest without
    a word, where a buffered writer writes all or raises."""
    import io

    if sys.stdout is None:
        from drugstrat.cli.common import ClosedOutput

        sys.stdout = ClosedOutput()
        return
    buffer = getattr(sys.stdout, "buffer", None)
    if isinstance(buffer, io.RawIOBase):
        sys.stdout = io.TextIOWrapper(io.BufferedWriter(buffer), encoding=sys.stdout.encoding,
                                      errors=sys.stdout.errors, line_buffering=True)


def main() -> None:
    _whole_writes()
    try:
        app(prog_name="drugstrat")
    except BrokenPipeError:
        # `drugstrat list | head`: the reader left; that is not an error of ours.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(0)
