def js_at(x, i):
    # at(): negative indexes count from the end; out of range is undefined.
    i = int(i)
    n = len(x)
    if i < 0:
        i += n
    return x[i] if 0 <= i < n else None
