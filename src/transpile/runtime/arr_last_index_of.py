def arr_last_index_of(a, x, start=-1):
    # lastIndexOf gives -1 when absent, comparing like ===, searching back from start (counted
    # from the end when negative; an explicit undefined or NaN is 0, ±Infinity past either end).
    n = len(a)
    try:
        i = int(start)
    except (TypeError, ValueError, OverflowError):
        i = n if start == float("inf") else -n - 1 if start == float("-inf") else 0
    if i < 0:
        i += n
    elif i >= n:
        i = n - 1
    plain = type(x) in (int, float, str, bool)
    while i >= 0:
        v = a[i]
        if v is x or plain and v == x and (type(v) is bool) == (type(x) is bool):
            return i
        i -= 1
    return -1
