def str_substring(s, start, end=None):
    # substring clamps to [0, length] and swaps reversed bounds; slicing does neither.
    n = len(s)
    start = 0 if start != start or start < 0 else min(int(start), n)
    end = n if end is None else 0 if end != end or end < 0 else min(int(end), n)
    if start > end:
        start, end = end, start
    return s[start:end]
