def parse_int(s, radix=0):
    # parseInt: skips leading whitespace, reads the longest valid prefix and gives
    # NaN (not ValueError) when there is none.
    s = str(s).strip()
    sign = 1
    if s[:1] in ("-", "+"):
        if s[0] == "-":
            sign = -1
        s = s[1:]
    # A "0x" prefix counts without a radix (or 0) and with 16, not with an explicit 10.
    if radix != radix or radix in (None, float("inf"), float("-inf")):
        radix = 0
    radix = int(radix)
    if (radix == 0 or radix == 16) and s[:2] in ("0x", "0X"):
        s = s[2:]
        radix = 16
    elif radix == 0:
        radix = 10
    if radix < 2 or radix > 36:
        return float("nan")
    n = 0
    i = 0
    for c in s:
        o = ord(c)
        d = o - 48 if 48 <= o <= 57 else (o | 32) - 87 if 97 <= (o | 32) <= 122 else 99
        if d >= radix:
            break
        n = n * radix + d
        i += 1
    if not i:
        return float("nan")
    # "-0" is JavaScript's -0 (a float: a Python int has no sign of zero).
    return n if sign > 0 else -n if n else -0.0
