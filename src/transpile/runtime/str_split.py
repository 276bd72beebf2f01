def str_split(s, sep=None, limit=None):
    # split("") gives the characters (Python raises), no separator gives [s],
    # and a limit truncates the result instead of limiting the splits.
    if sep is None:
        parts = [s]
    elif sep == "":
        parts = list(s)
    else:
        parts = s.split(sep)
    return parts if limit is None else parts[: max(int(limit), 0)]
