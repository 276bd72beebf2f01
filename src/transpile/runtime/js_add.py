# requires: js_str, to_num, js_int
# JavaScript `+` when the operand types are not known statically: strings concatenate,
# numbers add, anything else (null, undefined, booleans) is converted to a number first.
# A sum of ints past 2^53 is rounded as JavaScript's double holds it (js_int).
def js_add(a, b):
    if isinstance(a, str) or isinstance(b, str):
        return js_str(a) + js_str(b)
    ta = type(a)
    tb = type(b)
    if ta is int and tb is int:
        r = a + b
        return r if -9007199254740992 <= r <= 9007199254740992 else js_int(r)
    if (ta is int or ta is float) and (tb is int or tb is float):
        return a + b
    if ta is list or tb is list:
        return js_str(a) + js_str(b)
    return to_num(a) + to_num(b)
