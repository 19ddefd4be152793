"""Benchmarks on synthetic dossiers (imported only by `dossier bench`)."""
