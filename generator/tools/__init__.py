"""Tools for contributors and reviewers: dossier new (suggestions) and dossier diff."""
