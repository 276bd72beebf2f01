def str_index_of(s, search, start=0):
    # indexOf clamps a negative start to 0 (find counts it from the end); undefined, null and NaN
    # are 0, Infinity past the end.
    try:
        i = int(start)
    except (TypeError, ValueError, OverflowError):
        i = len(s) if start == float("inf") else 0
    return s.find(search, max(i, 0))
