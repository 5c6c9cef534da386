"""Source text → blocks → records: reading one language version of a strategy.

`decode` reads bytes as users have them, `blocks` groups lines into paragraphs and items,
`inline` turns marks into structure, `series` reads inline lists and target groups, `labels`
holds the genre's label patterns, and `parser` drives it all with a `sink` collecting records.
"""

from drugstrat.parse.decode import decode, read_source
from drugstrat.parse.parser import ParseResult, parse_text
from drugstrat.parse.sink import ParseWarning

__all__ = ["ParseResult", "ParseWarning", "decode", "parse_text", "read_source"]
