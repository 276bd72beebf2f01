# requires: js_str, null
def arr_join(a, sep=","):
    # join: undefined and null elements become empty strings; an undefined separator is ",".
    if sep is None:
        sep = ","
    return sep.join(["" if v is None or v is null else js_str(v) for v in a])
