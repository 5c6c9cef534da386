"""Search and cross-references over both languages: `search`, `xref`, `groups`, `terms`."""
