def arr_flat_map(a, f, n):
    # flatMap: map, then flatten one level (lists only).
    out = []
    for i, v in enumerate(a):
        r = f(v) if n == 1 else f(v, i) if n == 2 else f(v, i, a) if n == 3 else f()
        if type(r) is list:
            out.extend(r)
        else:
            out.append(r)
    return out
