# requires: to_num
def js_nums(values):
    # The arguments of Math.max, String.fromCharCode… used as a value: JavaScript converts each
    # as Number() does, an array through its text (`xs.map(Math.max)` passes the array too,
    # which to_num reads as to_num_obj does).
    return [to_num(v) for v in values]
