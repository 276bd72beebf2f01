def str_split(s, sep=None, limit=None):
    # split("") gives the characters (Python raises), no separator gives [s],
    # and a limit truncates the result instead of limiting the splits.
    if sep is None:
        parts = [s]
    elif sep == "":
        parts = list(s)
    else:
        parts = s.split(sep)
    if limit is None:
        return parts
    # The limit is a uint32 (ToUint32): -1 is 4294967295, NaN and Infinity are 0.
    if limit != limit or limit - limit != 0:
        return []
    # (min: a 32-bit port's slice takes no bound past its small ints.)
    return parts[: min(int(limit) & 0xFFFFFFFF, len(parts))]
