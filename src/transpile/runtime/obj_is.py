def obj_is(a, b):
    # Object.is: SameValue. NaN is NaN, +0 and -0 differ, a boolean is never a number.
    if (type(a) is bool) != (type(b) is bool):
        return False
    if type(a) in (int, float) and type(b) in (int, float):
        if a != a:
            return b != b
        if a == 0 and b == 0:
            return str(float(a))[0] == str(float(b))[0]
        return a == b
    if type(a) is str and type(b) is str:
        return a == b
    return a is b
