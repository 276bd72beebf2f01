# requires: js_str, js_prim, to_num, js_int
# JavaScript `+` when the operand types are not known statically: strings concatenate,
# numbers add, anything else (null, undefined, booleans) is converted to a number first; an
# object to a primitive first (js_prim: its valueOf, or its text).
# A sum of ints past 2^53 is rounded as JavaScript's double holds it (js_int).
def js_add(a, b):
    ta = type(a)
    tb = type(b)
    if ta is not int and ta is not float and ta is not str:
        a = js_prim(a)
    if tb is not int and tb is not float and tb is not str:
        b = js_prim(b)
    if isinstance(a, str) or isinstance(b, str):
        return js_str(a) + js_str(b)
    ta = type(a)
    tb = type(b)
    if ta is int and tb is int:
        r = a + b
        return r if -9007199254740992 <= r <= 9007199254740992 else js_int(r)
    if (ta is int or ta is float) and (tb is int or tb is float):
        return a + b
    return to_num(a) + to_num(b)
