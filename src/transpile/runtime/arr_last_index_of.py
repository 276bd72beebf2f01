def arr_last_index_of(a, x):
    # lastIndexOf gives -1 when absent, comparing like ===.
    plain = type(x) in (int, float, str, bool)
    i = len(a) - 1
    while i >= 0:
        v = a[i]
        if v is x or plain and v == x and (type(v) is bool) == (type(x) is bool):
            return i
        i -= 1
    return -1
