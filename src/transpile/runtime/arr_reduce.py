_NO_INITIAL = object()


def arr_reduce(a, f, n, initial=_NO_INITIAL, from_end=False):
    # reduce / reduceRight: without an initial value start from the first element and
    # throw TypeError on an empty array, as JavaScript does. The length is read once, as
    # JavaScript does; the indexes are a range, not a list, so reducing an array needs no
    # second array-sized block of heap.
    count = len(a)
    acc = initial
    skip = 0
    if acc is _NO_INITIAL:
        if not count:
            raise TypeError("Reduce of empty array with no initial value")
        acc = a[count - 1] if from_end else a[0]
        skip = 1
    for i in range(count - 1 - skip, -1, -1) if from_end else range(skip, count):
        # An element the callback removed is skipped (JavaScript skips indexes no longer there).
        if i >= len(a):
            continue
        acc = f(acc, a[i]) if n == 2 else f(acc, a[i], i) if n == 3 else f(acc, a[i], i, a) if n == 4 else f(acc)
    return acc
