def arr_concat(a, *parts):
    # concat flattens array arguments one level and appends anything else.
    out = a[:]
    for p in parts:
        if type(p) is list:
            out.extend(p)
        else:
            out.append(p)
    return out
