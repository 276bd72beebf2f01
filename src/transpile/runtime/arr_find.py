# requires: js_truthy
def arr_find(a, f, n, want_index=False, from_end=False):
    # find / findIndex / findLast / findLastIndex: undefined or -1 when nothing matches.
    indexes = range(len(a) - 1, -1, -1) if from_end else range(len(a))
    for i in indexes:
        # The length is read once: an element the callback removed reads undefined.
        v = a[i] if i < len(a) else None
        r = f(v) if n == 1 else f(v, i) if n == 2 else f(v, i, a) if n == 3 else f()
        if r is True or r is not False and js_truthy(r):
            return i if want_index else v
    return -1 if want_index else None
