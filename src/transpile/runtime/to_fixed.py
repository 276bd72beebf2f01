# requires: num_str, RangeError
def to_fixed(x, digits=0):
    # Number.prototype.toFixed: digits 0-100 (else RangeError), -0 prints unsigned, and from
    # 1e21 on JavaScript falls back to ToString. The digits are those of the double's exact
    # value (0.1 is 0.1000000000000000055511…), rounded half up: float formatting stops after
    # about 17 digits on MicroPython, so the value is taken apart into integers.
    digits = int(digits or 0)
    if digits < 0 or digits > 100:
        raise RangeError("toFixed() digits argument must be between 0 and 100")
    if x != x:
        return "NaN"
    if x >= 1e21 or x <= -1e21:
        return num_str(x)
    sign = ""
    if x < 0:
        sign = "-"
        x = -x
    if type(x) is int:
        n = x * 10**digits
    else:
        import math

        m, e = math.frexp(x)
        m = int(m * 9007199254740992.0)
        e -= 53
        n = m * 10**digits
        if e >= 0:
            n <<= e
        else:
            scale = 1 << -e
            n, rest = divmod(n, scale)
            if 2 * rest >= scale:
                n += 1
    s = str(n)
    if digits == 0:
        return sign + s
    if len(s) <= digits:
        s = "0" * (digits + 1 - len(s)) + s
    return sign + s[:-digits] + "." + s[-digits:]
