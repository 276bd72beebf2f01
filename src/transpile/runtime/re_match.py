# requires: JsRegExp, null
def re_match(s, rx):
    # String.prototype.match: exec() without g; with g, every match's text, or null.
    if "g" not in rx.flags:
        return rx.exec(s)
    t = rx._text(s)
    found = [s[caps[0] : caps[1]] for caps in rx._all(s, t)]
    return found if found else null
