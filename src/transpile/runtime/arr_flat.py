def arr_flat(a, depth=1):
    # flat(depth): lists nested deeper than depth stay lists; flat(undefined) is flat(1).
    if depth is None:
        depth = 1
    out = []
    for v in a:
        if type(v) is list and depth >= 1:
            out.extend(arr_flat(v, depth - 1))
        else:
            out.append(v)
    return out
