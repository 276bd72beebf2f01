def str_from_char_codes(*codes):
    # String.fromCharCode of a spread or of numbers that may be fractions: each code is a
    # uint16 as JavaScript takes it (NaN and Infinity are 0, fractions truncate, it wraps at
    # 2 ** 16); chr() raises on a float.
    out = ""
    for c in codes:
        if type(c) is not int:
            c = 0 if c != c or c - c != 0 else int(c)
        out += chr(c & 0xFFFF)
    return out
