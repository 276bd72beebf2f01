# requires: js_index
def arr_fill(a, value, start=0, end=None):
    # fill(value, start?, end?) overwrites in place and returns the array; js_index takes NaN
    # as 0 and ±Infinity past either end, where int() raises.
    n = len(a)
    start = js_index(start)
    start = max(n + start, 0) if start < 0 else min(start, n)
    end = js_index(end, n)
    end = max(n + end, 0) if end < 0 else min(end, n)
    for i in range(start, end):
        a[i] = value
    return a
