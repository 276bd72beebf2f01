def str_substr(s, start=0, length=None):
    # substr(start, length): a negative start counts from the end; no length means to the
    # end, and a length of 0 or less gives "".
    n = len(s)
    # Clamped before int(), which raises on ±Infinity; NaN is 0.
    start = int(max(min(start, n), -n)) if start == start else 0
    if start < 0:
        start = max(n + start, 0)
    if length is None:
        return s[start:]
    length = int(max(min(length, n), 0)) if length == length else 0
    return s[start : start + length] if length > 0 else ""
