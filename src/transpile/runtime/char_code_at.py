# requires: js_index
def char_code_at(s, i=0):
    # charCodeAt: NaN outside the string (Python would raise or wrap around). Indexing raises
    # past the end instead of asking len(), which scans the whole string in MicroPython.
    i = js_index(i)
    if i >= 0:
        try:
            return ord(s[i])
        except IndexError:
            pass
    return float("nan")
