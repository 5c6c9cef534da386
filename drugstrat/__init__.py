"""drugstrat — a multilingual knowledge base of a national drugs strategy, and its CLI.

The library is usable without the CLI; its packages follow the data flow (README,
"Architecture"): `languages` (one table per language) → `parse` (a source text into records) →
`kb` (records of every language aligned, in YAML, with a compiled cache) → `search`, `diff` and
`export` → `cli`. For example `drugstrat.kb.build.build` makes a knowledge base from sources and
`drugstrat.kb.store.load` answers queries from it.
"""

__version__ = "0.3.0"

# Version of the record contract (ids, types, fields, JSON shape). Bumped, with a README note,
# whenever scripts relying on the JSON would have to change.
SCHEMA_VERSION = 1
