def js_char_at(s, i):
    # charAt: "" outside the string (a negative index does not count from the end). Indexing
    # raises past the end instead of asking len(), which scans the whole string in MicroPython.
    if i >= 0:
        try:
            return s[i]
        except IndexError:
            pass
    return ""
