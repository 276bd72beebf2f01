def arr_map(a, f, n):
    # map with a callback declaring n of (value, index, array): Python functions take
    # exactly the arguments they declare. Like forEach (arr_for_each) it reads each element
    # when it gets there, up to the length it started with; the result keeps that length,
    # undefined where the array had shrunk.
    count = len(a)
    out = []
    for i in range(count):
        if i >= len(a):
            out.extend([None] * (count - i))
            return out
        v = a[i]
        out.append(f(v) if n == 1 else f(v, i) if n == 2 else f(v, i, a) if n == 3 else f())
    return out
