# requires: null, to_num, js_str
def js_loose_eq(a, b):
    # a == b where JavaScript converts across types and Python's == would not: a string
    # against a number or boolean compares as numbers (`"5" == 5`, `"" == 0`, `"1" == true`),
    # an object against a primitive by the object's text (`[1, 2] == "1,2"`, `[] == 0`), two
    # objects by identity; null and undefined equal each other only.
    if a is None or a is null:
        return b is None or b is null
    if b is None or b is null:
        return False
    ta = type(a)
    tb = type(b)
    pa = ta is int or ta is float or ta is str or ta is bool
    pb = tb is int or tb is float or tb is str or tb is bool
    if pa and pb:
        if ta is tb or (ta is not str and tb is not str):
            return a == b
        return to_num(a) == to_num(b)
    if not pa and not pb:
        return a is b
    return js_loose_eq(js_str(b if pa else a), a if pa else b)
