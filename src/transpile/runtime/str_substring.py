def str_substring(s, start, end=None):
    # substring clamps to [0, length] and swaps reversed bounds; slicing does neither.
    n = len(s)
    # min() before int(): Infinity clamps to the length, where int() raises.
    start = 0 if start != start or start < 0 else int(min(start, n))
    end = n if end is None else 0 if end != end or end < 0 else int(min(end, n))
    if start > end:
        start, end = end, start
    return s[start:end]
