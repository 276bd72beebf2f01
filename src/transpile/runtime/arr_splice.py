def arr_splice(a, start, count=None, *items):
    # splice removes in place, inserts the items there and returns what it removed.
    n = len(a)
    start = int(start)
    start = max(n + start, 0) if start < 0 else min(start, n)
    end = n if count is None else start + min(max(int(count), 0), n - start)
    removed = a[start:end]
    a[start:end] = list(items)
    return removed
