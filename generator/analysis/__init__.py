"""Analyse the model: find passages and mentions, compare claims, trace provenance, warn curators."""
