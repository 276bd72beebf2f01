# requires: JsRegExp
def re_search(s, rx):
    # String.prototype.search: the index of the first match from 0 (y: at 0 only), or -1;
    # lastIndex is left as it was.
    caps = rx._find(rx._text(s), 0, "y" in rx.flags)
    return -1 if caps is None else caps[0]
