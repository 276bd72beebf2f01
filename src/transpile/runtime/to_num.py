# requires: null
def to_num(x):
    # Number(x): whole strings only (blank is 0), booleans as 0/1, null as 0, undefined NaN.
    t = type(x)
    if t is int or t is float:
        return x
    if x is null:
        return 0
    if x is True:
        return 1
    if x is False:
        return 0
    if t is str:
        s = x.strip()
        if not s:
            return 0
        if s in ("Infinity", "+Infinity"):
            return float("inf")
        if s == "-Infinity":
            return float("-inf")
        try:
            if s[:2] in ("0x", "0X"):
                return int(s[2:], 16)
            if s[:2] in ("0b", "0B"):
                return int(s[2:], 2)
            if s[:2] in ("0o", "0O"):
                return int(s[2:], 8)
            if "." in s or "e" in s or "E" in s or "n" in s or "N" in s:
                return float(s)
            return int(s)
        except ValueError:
            return float("nan")
    return float("nan")
