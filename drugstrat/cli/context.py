"""One invocation's state: the global options as given, and what they lead to (the knowledge base,
its glossary), made once per run and handed down through click's context — never kept in a
module, where it would leak from one invocation into the next in the same process."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from typer import _click as click

    from drugstrat.cli.output import Format, Output
    from drugstrat.kb.store import KB
    from drugstrat.terms.glossary import Glossary


class Invocation:
    # A plain class, not a dataclass: `dataclasses` is no import a query should pay for.
    def __init__(self, data: Path | None = None, width: int | None = None,
                 color: str | None = None) -> None:
        # The global options, as given before the command's name or after it (a command's
        # copy of an option updates these while its arguments are parsed, before it runs).
        self.data = data  # --data / DRUGSTRAT_DATA, as given (None: the bundled KB)
        self.width = width  # --width: tables this wide (None: the terminal's)
        self.color = color  # --color: auto (None), always or never
        self._kb: KB | None = None
        self._glossary: Glossary | None = None

    @classmethod
    def of(cls, ctx: click.Context) -> Invocation:
        """The invocation a command runs in (a bare one for a command called on its own)."""
        root = ctx.find_root()
        if not isinstance(root.obj, Invocation):
            root.obj = cls()
        return root.obj

    @property
    def data_given(self) -> bool:
        """Whether the user named a knowledge base (--data or DRUGSTRAT_DATA)."""
        return self.data is not None

    @property
    def root(self) -> Path:
        """The knowledge base's directory."""
        from drugstrat.kb.paths import data_dir

        return data_dir(self.data)

    @property
    def glossary_file(self) -> Path:
        from drugstrat.kb.paths import glossary_path

        return glossary_path(self.root)

    def kb(self) -> KB:
        """The knowledge base, loaded on first use."""
        if self._kb is None:
            from drugstrat.kb import store

            self._kb = store.load(self.root)
        return self._kb

    def glossary(self) -> Glossary:
        """The knowledge base's glossary, loaded on first use."""
        if self._glossary is None:
            from drugstrat.terms.glossary import load

            self._glossary = load(self.glossary_file)
        return self._glossary

    def output(self, fmt: Format | None, as_json: bool) -> Output:
        """The one output path, in the format asked for, at this invocation's width."""
        from drugstrat.cli.output import Output, choose

        return Output(choose(fmt, as_json), self.width, self.color)
