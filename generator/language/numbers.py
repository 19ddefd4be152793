"""Write numbers the German way."""

from __future__ import annotations


def format_plain(value: float) -> str:
    """Write a number as YAML and plain text take it: 13000, 2.5."""
    return str(int(value)) if float(value).is_integer() else str(value)


def format_number(value: float | None) -> str:
    """Format a number the German way: 10.000, 2,5."""
    if value is None:
        return "–"
    rounded = round(float(value), 2)
    if rounded.is_integer():
        return f"{int(rounded):,}".replace(",", ".")
    whole, _, fraction = f"{rounded:,.2f}".rstrip("0").partition(".")
    return whole.replace(",", ".") + "," + fraction
