"""drugstrat — a bilingual (EN/NL) knowledge base of a national drugs strategy, and its CLI.

The library is usable without the CLI: `drugstrat.parser.parse_text` turns one language version
into records, `drugstrat.align.align` pairs two of them, `drugstrat.kb` writes and loads the YAML
knowledge base and `drugstrat.store` answers queries from its compiled cache.
"""

__version__ = "0.1.0"

# Version of the record contract (ids, types, fields, JSON shape). Bumped, with a README note,
# whenever scripts relying on the JSON would have to change.
SCHEMA_VERSION = 1
