def js_at(x, i):
    # at(): negative indexes count from the end; out of range is undefined.
    n = len(x)
    try:
        i = int(i)
    except (ValueError, OverflowError):
        # NaN is 0; ±Infinity is out of range.
        i = 0 if i != i else n
    if i < 0:
        i += n
    return x[i] if 0 <= i < n else None
