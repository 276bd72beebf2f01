def float_str(x):
    # num_str of anything but an int (see num_str.py).
    if x is None:
        # A record's missing key, typed number by TypeScript.
        return "undefined"
    # A value typed number that is not one (`"" as number`, an `any` passed on): String() of it.
    if type(x) is str:
        return x
    if type(x) is bool:
        return "true" if x else "false"
    if x != x:
        return "NaN"
    if x == 0:
        return "0"
    if x - x != 0:
        return "Infinity" if x > 0 else "-Infinity"
    if -9007199254740992.0 < x < 9007199254740992.0 and x == int(x):
        return str(int(x))
    # MicroPython's repr is not always the shortest round-trip form (871.31 prints
    # as 871.3099999999999); JavaScript prints the shortest, so try 15 and 16 digits.
    r = "{:.15g}".format(x)
    if float(r) != x:
        r = "{:.16g}".format(x)
        if float(r) != x:
            r = repr(x)
    sign = ""
    if r[0] == "-":
        sign = "-"
        r = r[1:]
    e = r.find("e")
    point = 0
    if e >= 0:
        point = int(r[e + 1 :])
        r = r[:e]
    dot = r.find(".")
    if dot >= 0:
        point += dot
        digits = r[:dot] + r[dot + 1 :]
    else:
        point += len(r)
        digits = r
    while len(digits) > 1 and digits[0] == "0":
        digits = digits[1:]
        point -= 1
    digits = digits.rstrip("0") or "0"
    k = len(digits)
    if k <= point <= 21:
        return sign + digits + "0" * (point - k)
    if 0 < point <= 21:
        return sign + digits[:point] + "." + digits[point:]
    if -6 < point <= 0:
        return sign + "0." + "0" * -point + digits
    exp = point - 1
    mantissa = digits[0] + ("." + digits[1:] if k > 1 else "")
    return sign + mantissa + ("e+" if exp >= 0 else "e-") + str(abs(exp))
