def arr_includes(a, x, start=0):
    # includes compares with SameValueZero: by value for numbers, strings and booleans
    # (1 is not true; NaN finds NaN), by identity for arrays and objects.
    n = len(a)
    try:
        i = int(start)
    except (TypeError, ValueError, OverflowError):
        # undefined, null and NaN are 0; Infinity is past the end, -Infinity before the start.
        i = n if start == float("inf") else 0
    if i < 0:
        i = max(n + i, 0)
    plain = type(x) in (int, float, str, bool)
    nan = x != x
    while i < n:
        v = a[i]
        if v is x or plain and (v == x or nan and v != v) and (type(v) is bool) == (type(x) is bool):
            return True
        i += 1
    return False
