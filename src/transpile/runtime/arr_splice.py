# requires: js_index
def arr_splice(a, start, *rest):
    # splice removes in place, inserts the items there and returns what it removed. Only a
    # missing deleteCount removes everything after start: an undefined one removes nothing.
    # js_index takes NaN as 0 and ±Infinity past either end, where int() raises.
    n = len(a)
    start = js_index(start)
    start = max(n + start, 0) if start < 0 else min(start, n)
    if rest:
        end = start + min(max(js_index(rest[0]), 0), n - start)
    else:
        end = n
    removed = a[start:end]
    a[start:end] = list(rest[1:])
    return removed
