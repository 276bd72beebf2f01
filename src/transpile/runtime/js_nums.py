# requires: to_num, js_str
def js_nums(values):
    # The arguments of Math.max, String.fromCharCode… used as a value: JavaScript converts each
    # as Number() does, an array through its text (`xs.map(Math.max)` passes the array too).
    return [to_num(js_str(v)) if type(v) is list else to_num(v) for v in values]
