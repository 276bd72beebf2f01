def arr_flat(a, depth=1):
    # flat(depth): lists nested deeper than depth stay lists.
    out = []
    for v in a:
        if type(v) is list and depth >= 1:
            out.extend(arr_flat(v, depth - 1))
        else:
            out.append(v)
    return out
