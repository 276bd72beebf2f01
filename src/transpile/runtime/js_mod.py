# JavaScript `%`: the remainder takes the sign of the dividend (Python's takes the divisor's).
def js_mod(a, b):
    if b == 0:
        return float("nan")
    r = a % b
    if r != 0 and (r < 0) != (a < 0):
        # An infinite divisor leaves a finite dividend as it is (Python gives ±inf here).
        r = a if b - b != 0 and a - a == 0 else r - b
    return r
