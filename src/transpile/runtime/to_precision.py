# requires: num_digits, num_str, RangeError
def to_precision(x, p=None):
    # Number.prototype.toPrecision: without an argument ToString; NaN and ±Infinity print
    # before the range check; exponent form when the exponent is below -6 or not below p.
    if p is None:
        return num_str(x)
    if p != p:
        p = 0
    elif p - p == 0:
        p = int(p)
    if x != x or x - x != 0:
        return num_str(x)
    if p < 1 or p > 100:
        raise RangeError("toPrecision() argument must be between 1 and 100")
    sign = ""
    if x < 0:
        sign = "-"
        x = -x
    if x == 0:
        # -0 too: it is not below 0.
        digits, k = "0" * p, 0
    else:
        digits, k = num_digits(x, p)
    if k < -6 or k >= p:
        return sign + digits[0] + ("." + digits[1:] if p > 1 else "") + ("e+" if k >= 0 else "e-") + str(abs(k))
    if k == p - 1:
        return sign + digits
    if k >= 0:
        return sign + digits[: k + 1] + "." + digits[k + 1 :]
    return sign + "0." + "0" * (-k - 1) + digits
