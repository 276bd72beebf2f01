# requires: null, to_num_obj
def to_num(x=0):
    # Number(x): whole strings only (blank is 0), booleans as 0/1, null as 0, undefined NaN;
    # Number() is 0. An array or object converts through its primitive (to_num_obj).
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
        # Python's int() and float() also take "1_000", "inf", "nan" and "infinity": JavaScript none.
        if "_" in s:
            return float("nan")
        if s in ("Infinity", "+Infinity"):
            return float("inf")
        if s == "-Infinity":
            return float("-inf")
        try:
            radix = _to_num_radix.get(s[:2])
            if radix:
                # int() would take a sign or spaces after the prefix ("0x-5"): JavaScript does not.
                if s[2:3] in ("+", "-", " ", "\t", "\n", "\r"):
                    return float("nan")
                return int(s[2:], radix)
            if "." in s or "e" in s or "E" in s:
                if "n" in s or "N" in s:
                    return float("nan")
                # MicroPython's float() reads a mantissa without digits (".", "e5", "-.e1") as 0.
                for c in s:
                    if "0" <= c <= "9":
                        break
                    if c in "eE":
                        return float("nan")
                else:
                    return float("nan")
                return float(s)
            n = int(s)
            return -0.0 if n == 0 and s[0] == "-" else n
        except ValueError:
            return float("nan")
    if x is None:
        return float("nan")
    # Its own module, loaded on a program's first such conversion: most never make one.
    from _tsmp_to_num_obj import to_num_obj

    return to_num_obj(x)


_to_num_radix = {"0x": 16, "0X": 16, "0b": 2, "0B": 2, "0o": 8, "0O": 8}
