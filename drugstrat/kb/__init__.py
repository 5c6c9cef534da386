"""The knowledge base: records of every language aligned on shared ids, in YAML people edit, with
a compiled cache for queries.

`build` makes one from sources (parsing, `align`ing, rendering `yamlio`), `validate` checks one,
`store` answers queries from its cache, `ids` forgives what people type, `target_groups` links
the groups named across the document. Imports stay inside the modules: the query path loads only
`store`.
"""
