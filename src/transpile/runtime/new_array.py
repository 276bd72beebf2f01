def new_array(*items):
    # new Array(n) is n empty slots (filled right after, by fill); Array(a, b) lists them.
    if len(items) == 1 and type(items[0]) is int:
        return [None] * items[0]
    return list(items)
