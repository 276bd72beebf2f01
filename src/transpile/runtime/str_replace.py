def str_replace(s, search, replacement, every=False):
    # replace/replaceAll with a string pattern: only the first match unless every,
    # and JavaScript's $$, $&, $` and $' in the replacement.
    out = []
    start = 0
    n = len(search)
    while True:
        i = s.find(search, start)
        if i < 0 or i > len(s):
            break
        out.append(s[start:i])
        if "$" in replacement:
            j = 0
            r = replacement
            while j < len(r):
                c = r[j]
                nxt = r[j + 1 : j + 2]
                if c == "$" and nxt in ("$", "&", "`", "'"):
                    out.append("$" if nxt == "$" else search if nxt == "&" else s[:i] if nxt == "`" else s[i + n :])
                    j += 2
                else:
                    out.append(c)
                    j += 1
        else:
            out.append(replacement)
        start = i + n
        if not every:
            break
        if n == 0:
            if i >= len(s):
                start = len(s) + 1
                break
            out.append(s[i])
            start = i + 1
    out.append(s[start:])
    return "".join(out)
