# requires: js_str
def arr_join(a, sep=","):
    # join: undefined and null elements become empty strings.
    return sep.join(["" if v is None else js_str(v) for v in a])
