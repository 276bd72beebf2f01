# JavaScript `%`: the remainder takes the sign of the dividend (Python's takes the divisor's).
def js_mod(a, b):
    if b == 0:
        return float("nan")
    r = a % b
    if not r:
        # A zero remainder takes the dividend's sign: -0 for a negative or -0 float dividend (an
        # int result stays 0: MicroPython's ints have no -0, see docs/semantics.md).
        return -0.0 if type(r) is float and (a < 0 or str(a)[0] == "-") else r
    if (r < 0) != (a < 0):
        # An infinite divisor leaves a finite dividend as it is (Python gives ±inf here).
        r = a if b - b != 0 and a - a == 0 else r - b
    return r
