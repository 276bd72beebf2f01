# requires: num_str, RangeError
def str_from_code_points(*codes):
    # String.fromCodePoint: each code an integer 0..0x10FFFF, else RangeError. A high
    # surrogate followed by a low one is one code point here (tsmp strings hold code points,
    # as a literal "\uD83D\uDE00" is one), so the result equals the string JavaScript makes.
    out = ""
    for c in codes:
        if type(c) is not int and (c != c or c - c != 0 or c != int(c)) or not 0 <= c <= 0x10FFFF:
            raise RangeError("Invalid code point " + num_str(c))
        c = int(c)
        if 0xDC00 <= c <= 0xDFFF and out and 0xD800 <= ord(out[-1]) <= 0xDBFF:
            out = out[:-1] + chr(0x10000 + ((ord(out[-1]) - 0xD800) << 10) + c - 0xDC00)
        else:
            out += chr(c)
    return out
