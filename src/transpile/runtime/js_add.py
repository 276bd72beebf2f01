# requires: js_str
# JavaScript `+` when the operand types are not known statically: strings concatenate.
def js_add(a, b):
    if isinstance(a, str) or isinstance(b, str):
        return js_str(a) + js_str(b)
    return a + b
