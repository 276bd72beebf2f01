# requires: RangeError
class TextDecoder:
    # TextDecoder: UTF-8 bytes (any typed array or ArrayBuffer) to a string.
    _js_no_keys = True  # Object.keys and JSON.stringify see no properties (obj_items)
    encoding = "utf-8"

    def __init__(self, label="utf-8"):
        if label.lower() not in ("utf-8", "utf8"):
            raise RangeError("The encoding label provided ('" + label + "') is invalid.")

    def decode(self, data=b""):
        b = bytes(data)
        # JavaScript drops a leading byte order mark.
        if b[:3] == b"\xef\xbb\xbf":
            b = b[3:]
        try:
            s = str(b, "utf-8")
        except UnicodeError:
            return _utf8_replacing(b)
        if len(s) == len(b):
            return s
        # MicroPython checks only each sequence's shape: it keeps overlong forms, surrogates and
        # code points past 0x10FFFF, which start with one of these bytes (or E0/ED/F0/F4 lead
        # valid text, which the slow path decodes the same).
        for lead in (b"\xc0", b"\xc1", b"\xe0", b"\xed", b"\xf0", b"\xf4", b"\xf5", b"\xf6", b"\xf7"):
            if lead in b:
                return _utf8_replacing(b)
        return s


def _utf8_replacing(b):
    # Bytes that are not UTF-8 (noise on a UART line): MicroPython's str() raises, where
    # JavaScript puts U+FFFD for each maximal ill-formed subsequence (the WHATWG decoder).
    out = []
    i = 0
    n = len(b)
    while i < n:
        c = b[i]
        i += 1
        if c < 0x80:
            out.append(chr(c))
            continue
        if 0xC2 <= c <= 0xDF:
            need, lo, hi, cp = 1, 0x80, 0xBF, c & 0x1F
        elif 0xE0 <= c <= 0xEF:
            need, lo, hi, cp = 2, 0xA0 if c == 0xE0 else 0x80, 0x9F if c == 0xED else 0xBF, c & 0x0F
        elif 0xF0 <= c <= 0xF4:
            need, lo, hi, cp = 3, 0x90 if c == 0xF0 else 0x80, 0x8F if c == 0xF4 else 0xBF, c & 0x07
        else:
            out.append("\ufffd")
            continue
        while need and i < n and lo <= b[i] <= hi:
            cp = (cp << 6) | (b[i] & 0x3F)
            i += 1
            need -= 1
            lo, hi = 0x80, 0xBF
        out.append("\ufffd" if need else chr(cp))
    return "".join(out)
