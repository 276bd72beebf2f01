# requires: js_index
def str_pad_end(s, length, fill=" "):
    # padEnd repeats and truncates a multi-character fill; MicroPython has no ljust.
    gap = js_index(length) - len(s)
    if gap <= 0 or not fill:
        return s
    return s + (fill * (gap // len(fill) + 1))[:gap]
