def arr_splice(a, start, *rest):
    # splice removes in place, inserts the items there and returns what it removed. Only a
    # missing deleteCount removes everything after start: an undefined one removes nothing.
    n = len(a)
    start = int(start)
    start = max(n + start, 0) if start < 0 else min(start, n)
    if rest:
        count = rest[0]
        end = start + min(max(int(count or 0), 0), n - start)
    else:
        end = n
    removed = a[start:end]
    a[start:end] = list(rest[1:])
    return removed
