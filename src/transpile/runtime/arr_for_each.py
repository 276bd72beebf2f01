def arr_for_each(a, f, n):
    # forEach visits the indexes below the length it started with, reading each element when
    # it gets there, as JavaScript does: elements pushed meanwhile are not visited, and once
    # the array has shrunk below an index the rest are gone (a list has no holes to skip).
    for i in range(len(a)):
        if i >= len(a):
            return
        v = a[i]
        f(v) if n == 1 else f(v, i) if n == 2 else f(v, i, a) if n == 3 else f()
