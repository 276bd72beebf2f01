# requires: JsRegExp
def re_split(s, rx, limit=None):
    # String.prototype.split by a regular expression: the text between matches, with each
    # match's groups spliced in (None for a group that did not take part); an empty match
    # at the end of the last piece does not split. The limit is a uint32.
    if limit is None:
        lim = 0xFFFFFFFF
    elif limit != limit or limit - limit != 0:
        lim = 0
    else:
        lim = int(limit) & 0xFFFFFFFF
    if lim == 0:
        return []
    t = rx._text(s)
    size = len(t)
    if size == 0:
        return [] if rx._find(t, 0, True) is not None else [s]
    out = []
    p = 0
    q = 0
    while q < size:
        caps = rx._find(t, q, "y" in rx.flags)
        if caps is None or caps[0] >= size:
            break
        q = caps[0]
        e = min(caps[1], size)
        if e == p:
            q += 1
            continue
        out.append(s[p:q])
        if len(out) == lim:
            return out
        p = e
        for g in range(1, rx._g + 1):
            a = caps[2 * g]
            b = caps[2 * g + 1]
            out.append(s[a:b] if a >= 0 and b >= 0 else None)
            if len(out) == lim:
                return out
        q = p
    out.append(s[p:])
    return out
