# requires: js_str
def arr_sort_default(a):
    # sort() without a comparator compares elements as strings (10 before 9),
    # stably, with undefined last (null is the text "null").
    keyed = [(v is None, "" if v is None else js_str(v), i, v) for i, v in enumerate(a)]
    keyed.sort()
    a[:] = [t[3] for t in keyed]
    return a
