"""The formats an export writes, apart from the code that writes them: the CLI offers these
choices without loading any exporter."""

from enum import StrEnum


class Format(StrEnum):
    tmx = "tmx"
    xliff = "xliff"  # 2.0
    xliff12 = "xliff12"
    csv = "csv"
    xlsx = "xlsx"
    jsonl = "jsonl"
    sqlite = "sqlite"


class Segments(StrEnum):
    paragraph = "paragraph"
    sentence = "sentence"
