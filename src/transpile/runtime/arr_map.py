def arr_map(a, f, n):
    # map with a callback declaring n of (value, index, array): Python functions take
    # exactly the arguments they declare.
    if n == 2:
        return [f(v, i) for i, v in enumerate(a)]
    if n == 3:
        return [f(v, i, a) for i, v in enumerate(a)]
    return [f(v) for v in a] if n else [f() for v in a]
