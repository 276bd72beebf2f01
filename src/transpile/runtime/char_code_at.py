def char_code_at(s, i=0):
    # charCodeAt: NaN outside the string (Python would raise or wrap around).
    i = int(i)
    return ord(s[i]) if 0 <= i < len(s) else float("nan")
