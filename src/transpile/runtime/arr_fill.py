def arr_fill(a, value, start=0, end=None):
    # fill(value, start?, end?) overwrites in place and returns the array.
    n = len(a)
    start = int(start)
    start = max(n + start, 0) if start < 0 else min(start, n)
    end = n if end is None else int(end)
    end = max(n + end, 0) if end < 0 else min(end, n)
    for i in range(start, end):
        a[i] = value
    return a
