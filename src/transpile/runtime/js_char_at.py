def js_char_at(s, i):
    # charAt: "" outside the string (a negative index does not count from the end).
    return s[i] if 0 <= i < len(s) else ""
