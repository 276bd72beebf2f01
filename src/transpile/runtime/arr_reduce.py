_NO_INITIAL = object()


def arr_reduce(a, f, initial=_NO_INITIAL):
    # reduce without an initial value starts from the first element and throws
    # TypeError on an empty array, as JavaScript does.
    i = 0
    acc = initial
    if acc is _NO_INITIAL:
        if not a:
            raise TypeError("Reduce of empty array with no initial value")
        acc = a[0]
        i = 1
    while i < len(a):
        acc = f(acc, a[i])
        i += 1
    return acc
