def arr_index_of(a, x, start=0):
    # indexOf gives -1 where list.index raises, and compares like ===: by value for
    # numbers, strings and booleans (1 is not true), by identity for objects.
    n = len(a)
    try:
        i = int(start)
    except (TypeError, ValueError, OverflowError):
        # undefined, null and NaN are 0; Infinity is past the end, -Infinity before the start.
        i = n if start == float("inf") else 0
    if i < 0:
        i = max(n + i, 0)
    plain = type(x) in (int, float, str, bool)
    while i < n:
        v = a[i]
        if v is x or plain and v == x and (type(v) is bool) == (type(x) is bool):
            return i
        i += 1
    return -1
