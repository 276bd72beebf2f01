def arr_unshift(a, *items):
    # unshift inserts at the front and returns the new length.
    a[0:0] = list(items)
    return len(a)
