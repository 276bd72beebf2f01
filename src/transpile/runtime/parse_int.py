def parse_int(s, radix=10):
    # parseInt: skips leading whitespace, reads the longest valid prefix and gives
    # NaN (not ValueError) when there is none.
    s = str(s).strip()
    sign = 1
    if s[:1] in ("-", "+"):
        if s[0] == "-":
            sign = -1
        s = s[1:]
    if not radix:
        radix = 10
    if radix == 16 or radix == 10 and s[:2] in ("0x", "0X"):
        if s[:2] in ("0x", "0X"):
            s = s[2:]
            radix = 16
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
    return sign * n if i else float("nan")
