def str_locale_compare(a, b):
    # Ordinal comparison: MicroPython has no locale collation tables.
    return (a > b) - (a < b)
