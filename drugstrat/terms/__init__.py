"""Which word translates which: the person-curated glossary (a domain termbase)."""
