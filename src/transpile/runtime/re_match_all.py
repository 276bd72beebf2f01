# requires: JsRegExp
def re_match_all(s, rx):
    # String.prototype.matchAll: the matches one by one, from a copy of the regular expression
    # (so its lastIndex is not moved); without g JavaScript throws a TypeError.
    if "g" not in rx.flags:
        raise TypeError("String.prototype.matchAll called with a non-global RegExp argument")
    copy = JsRegExp(rx.source, rx.flags, rx._c, rx._g, rx._s, rx._names)
    copy.lastIndex = rx.lastIndex
    return _re_matches(copy, s, copy._text(s))


def _re_matches(rx, s, t):
    while True:
        caps = rx._step(t)
        if caps is None:
            return
        yield rx._result(s, caps)
        if caps[0] == caps[1]:
            rx.lastIndex += 1
