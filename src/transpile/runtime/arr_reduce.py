_NO_INITIAL = object()


def arr_reduce(a, f, n, initial=_NO_INITIAL, from_end=False):
    # reduce / reduceRight: without an initial value start from the first element and
    # throw TypeError on an empty array, as JavaScript does.
    indexes = list(range(len(a) - 1, -1, -1)) if from_end else list(range(len(a)))
    acc = initial
    if acc is _NO_INITIAL:
        if not indexes:
            raise TypeError("Reduce of empty array with no initial value")
        acc = a[indexes.pop(0)]
    for i in indexes:
        acc = f(acc, a[i]) if n == 2 else f(acc, a[i], i) if n == 3 else f(acc, a[i], i, a) if n == 4 else f(acc)
    return acc
