def parse_float(s):
    # parseFloat: the longest prefix that reads as a decimal number, else NaN.
    s = str(s).strip()
    if s[:8] == "Infinity" or s[:9] in ("+Infinity", "-Infinity"):
        return float("-inf") if s[0] == "-" else float("inf")
    end = 0
    seen_digit = seen_dot = seen_exp = False
    i = 0
    n = len(s)
    if i < n and s[i] in "+-":
        i += 1
    while i < n:
        c = s[i]
        if "0" <= c <= "9":
            seen_digit = True
            end = i + 1
        elif c == "." and not seen_dot and not seen_exp:
            seen_dot = True
        elif c in "eE" and seen_digit and not seen_exp:
            seen_exp = True
            if i + 1 < n and s[i + 1] in "+-":
                i += 1
        else:
            break
        i += 1
    if not seen_digit:
        return float("nan")
    text = s[:end]
    if text[-1] in "eE+-":
        text = text.rstrip("eE+-")
    f = float(text)
    if f == 0 and text[0] == "-":
        return -0.0
    return int(f) if f - f == 0 and f == int(f) and "." not in text and "e" not in text and "E" not in text else f
