# requires: JsRegExp, js_str
def re_replace(s, rx, by, arity=-1, every=False):
    # String.prototype.replace/replaceAll with a regular expression: every match with g, else
    # the first from lastIndex (y). `by` is a text with $ patterns ($$, $&, $`, $', $1…$99,
    # $<name>) or a function given the first `arity` (all when -1) of (match, groups…,
    # offset, text[, groups object]), its result converted as String() does.
    if every and "g" not in rx.flags:
        raise TypeError("replaceAll must be called with a global RegExp")
    t = rx._text(s)
    if "g" in rx.flags:
        found = rx._all(s, t)
    else:
        caps = rx._step(t)
        found = [] if caps is None else [caps]
    out = []
    p = 0
    for caps in found:
        m = rx._result(s, caps)
        a = caps[0]
        if callable(by):
            args = list(m) + [a, s]
            if m.groups is not None:
                args.append(m.groups)
            r = js_str(by(*(args if arity < 0 else args[:arity])))
        else:
            r = _re_substitute(by, m, s)
        if a >= p:
            out.append(s[p:a])
            out.append(r)
            p = caps[1]
    out.append(s[p:])
    return "".join(out)


def _re_substitute(by, m, s):
    # GetSubstitution: the $ patterns of a replacement text.
    if "$" not in by:
        return by
    out = []
    n = len(m) - 1
    j = 0
    k = len(by)
    while j < k:
        c = by[j]
        d = by[j + 1 : j + 2]
        if c != "$" or d == "":
            out.append(c)
            j += 1
        elif d == "$":
            out.append("$")
            j += 2
        elif d == "&":
            out.append(m[0])
            j += 2
        elif d == "`":
            out.append(s[: m.index])
            j += 2
        elif d == "'":
            out.append(s[m.index + len(m[0]) :])
            j += 2
        elif "0" <= d <= "9":
            e = by[j + 2 : j + 3]
            g = int(d + e) if "0" <= e <= "9" and e != "" else 0
            if 1 <= g <= n:
                j += 3
            else:
                g = int(d)
                j += 2
                if not 1 <= g <= n:
                    out.append("$" + d)
                    continue
            out.append(m[g] or "")
        elif d == "<" and m.groups is not None and ">" in by[j + 2 :]:
            e = by.index(">", j + 2)
            v = m.groups.get(by[j + 2 : e])
            out.append(v or "")
            j = e + 1
        else:
            out.append("$")
            j += 1
    return "".join(out)
