# requires: js_index
def str_pad_start(s, length, fill=" "):
    # padStart repeats and truncates a multi-character fill; MicroPython has no rjust.
    gap = js_index(length) - len(s)
    if gap <= 0 or not fill:
        return s
    return (fill * (gap // len(fill) + 1))[:gap] + s
