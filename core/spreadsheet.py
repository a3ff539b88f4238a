"""CSV cells that a spreadsheet program shows as text, never runs."""

# Spreadsheet programs run a cell that starts with one of these as a formula; CSV files are for
# people to open, so such a value is written with a leading apostrophe.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def text_cell(value):
    """`value` as a CSV cell: text that starts like a formula gets a leading apostrophe;
    anything else (numbers, dates written by the csv module) as it is."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value
