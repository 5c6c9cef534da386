"""Exports for the tools translators and analysts already use: TMX and XLIFF for CAT tools, CSV
and JSON Lines for spreadsheets and notebooks, SQLite for Datasette, and an HTML review page.
Each writes two languages of a knowledge base (see `pairs.export_langs`)."""
