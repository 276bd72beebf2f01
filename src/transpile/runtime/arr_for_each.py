def arr_for_each(a, f, n):
    # forEach over the elements present when it starts, as JavaScript does.
    for i, v in enumerate(list(a)):
        f(v) if n == 1 else f(v, i) if n == 2 else f(v, i, a) if n == 3 else f()
