def num_digits(x, p):
    # The p significant digits of a positive finite number's exact value, rounded half up (as
    # toPrecision and toExponential round), and the decimal exponent of the first digit.
    # MicroPython's "%e"/"%g" work in floats and misround some doubles: here the double is
    # taken apart into integers (m * 2 ** e), as to_fixed does.
    if type(x) is int:
        s = str(x)
        k = len(s) - 1
        if len(s) <= p:
            return s + "0" * (p - len(s)), k
        n = int(s[:p]) + (s[p] >= "5")
    else:
        import math

        m, e = math.frexp(x)
        num = int(m * 9007199254740992.0)
        den = 1
        e -= 53
        if e >= 0:
            num <<= e
        else:
            den <<= -e
        # Exact: 10 ** k <= num / den < 10 ** (k + 1) (no power of ten below 1 is a binary fraction).
        k = len(str(num // den)) - 1 if num >= den else -len(str(den // num))
        s = k - p + 1
        if s >= 0:
            den *= 10**s
        else:
            num *= 10**-s
        n, rest = divmod(num, den)
        n += 2 * rest >= den
    if n == 10**p:
        n //= 10
        k += 1
    return str(n), k
