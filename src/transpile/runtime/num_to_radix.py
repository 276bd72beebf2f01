# requires: num_str, RangeError
def num_to_radix(x, radix=10):
    # Number.prototype.toString(radix): integer digits, then fraction digits until the value
    # is the nearest double (as V8 prints them).
    # An undefined radix is 10, as when it is left out.
    radix = 10 if radix is None else int(radix)
    if radix < 2 or radix > 36:
        raise RangeError("toString() radix must be between 2 and 36")
    if radix == 10 or x != x or x - x != 0:
        return num_str(x)
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    sign = "-" if x < 0 else ""
    x = -x if x < 0 else x
    n = int(x)
    fraction = x - n
    tail = ""
    if fraction:
        import math
        m, e = math.frexp(x)
        delta = max(math.ldexp(0.5, e - 53), 5e-324)
        out = []
        while fraction >= delta:
            fraction *= radix
            delta *= radix
            d = int(fraction)
            out.append(d)
            fraction -= d
            if (fraction > 0.5 or fraction == 0.5 and d & 1) and fraction + delta > 1:
                # Round up, carrying into earlier digits and the integer part.
                while True:
                    if not out:
                        n += 1
                        break
                    d = out.pop() + 1
                    if d < radix:
                        out.append(d)
                        break
                break
        if out:
            tail = "." + "".join([digits[d] for d in out])
    head = ""
    if n >= 9007199254740992:
        # Past 2^53 V8 writes the digits the double holds and fills the rest with zeros: it
        # divides (in doubles) while the quotient is still past 2^53, then takes remainders.
        import math
        f = float(n)
        while f / radix >= 9007199254740992.0:
            f /= radix
            head += "0"
        while True:
            d = math.fmod(f, radix)
            head = digits[int(d)] + head
            f = (f - d) / radix
            if f <= 0:
                return sign + head
    while True:
        head = digits[n % radix] + head
        n //= radix
        if not n:
            return sign + head + tail
