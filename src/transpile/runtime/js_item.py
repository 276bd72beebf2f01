def js_item(a, i):
    # An element read that may fall outside the array or string (a destructuring pattern,
    # `a[i] ?? d`, `a[i]?.x`, `a?.[i]`, `a[i] === undefined`): undefined past the end, before the
    # start or at a fractional or NaN index, as in JavaScript.
    if type(i) is not int:
        if i != i or i - i != 0 or i != int(i):
            return None
        i = int(i)
    return a[i] if 0 <= i < len(a) else None
