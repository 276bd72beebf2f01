# requires: num_digits, num_str, RangeError
def to_exponential(x, f=None):
    # Number.prototype.toExponential: f digits after the point, or without an argument as few
    # as read back to the same double (the digits ToString prints, found exactly here).
    shortest = f is None
    if shortest or f != f:
        f = 0
    elif f - f == 0:
        f = int(f)
    if x != x or x - x != 0:
        return num_str(x)
    if f < 0 or f > 100:
        raise RangeError("toExponential() argument must be between 0 and 100")
    sign = ""
    if x < 0:
        sign = "-"
        x = -x
    if x == 0:
        digits, k = "0" * (f + 1), 0
    elif not shortest:
        digits, k = num_digits(x, f + 1)
    elif type(x) is int and x <= 9007199254740992 or type(x) is float and x < 9007199254740992.0 and x == int(x):
        # Below 2 ** 53 an integer's own digits are the shortest: any other is 1 or more away.
        digits = str(int(x))
        k = len(digits) - 1
        digits = digits.rstrip("0")
    else:
        digits, k = _shortest_digits(float(x))
    return sign + digits[0] + ("." + digits[1:] if len(digits) > 1 else "") + ("e+" if k >= 0 else "e-") + str(abs(k))


def _shortest_digits(x):
    # The fewest digits whose value reads back as x. For each length the two values around
    # x are checked against the half-way points to x's neighbours, in integers (a half-way
    # point itself reads back as x when x's last bit is 0); of two that do, the closer, and
    # of two as close the even one, as V8 picks. Below a power of two the neighbour is half
    # as far.
    import math

    m, e = math.frexp(x)
    m = int(m * 9007199254740992.0)
    e -= 53
    if e < -1074:
        m >>= -1074 - e
        e = -1074
    below = 1 if m == 4503599627370496 and e > -1074 else 2
    even = m & 1 == 0
    # In units of 2 ** (e - 2), x is 4m and the half-way points are 4m - below and 4m + 2.
    e -= 2
    num = 4 * m
    den = 1
    if e >= 0:
        num <<= e
    else:
        den <<= -e
    k = len(str(num // den)) - 1 if num >= den else -len(str(den // num))
    for p in range(1, 18):
        s = k - p + 1
        # x / 10 ** s is X / D; the half-way points are U / D * (2, below) away.
        X, D, U = num, den, 1 << e if e >= 0 else 1
        if s >= 0:
            D *= 10**s
        else:
            X *= 10**-s
            U *= 10**-s
        n, rest = divmod(X, D)
        low = rest < below * U or even and rest == below * U
        high = D - rest < 2 * U or even and D - rest == 2 * U
        if low and high:
            low = 2 * rest < D or 2 * rest == D and n & 1 == 0
        if low or high:
            if not low:
                n += 1
            if n == 10**p:
                return "1", k + 1
            return str(n).rstrip("0"), k
