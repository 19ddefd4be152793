"""Tools for contributors and reviewers: dossier init (a new project), new (suggestions) and diff."""
