# requires: null
def str_last_index_of(s, search, start=None):
    # lastIndexOf(search, from): the match may begin at from at the latest.
    if start is None:
        return s.rfind(search)
    try:
        i = int(start)
    except (TypeError, ValueError, OverflowError):
        # null is 0; NaN, like undefined, searches from the end, as does Infinity.
        i = 0 if start == float("-inf") or start is null else len(s)
    return s.rfind(search, 0, max(i, 0) + len(search))
