"""Dossier publisher: turns curated article content into a Markdown dossier for MkDocs."""

__version__ = "0.1.0"
