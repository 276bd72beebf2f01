# replace/replaceAll with a replacement function and a string pattern: the function gets the
# first `arity` of (match, offset, string), the ones it declares, and its result is converted
# as String() does. The text is searched before any call, as JavaScript does for replaceAll.
# requires: js_str
def str_replace_fn(s, search, fn, arity, every=False):
    n = len(search)
    found = []
    i = s.find(search)
    while i >= 0 and i <= len(s):
        found.append(i)
        if not every:
            break
        i = s.find(search, i + (n or 1)) if i < len(s) or n else -1
    out = []
    start = 0
    for i in found:
        out.append(s[start:i])
        out.append(js_str(fn(*(search, i, s)[:arity])))
        start = i + n
    out.append(s[start:])
    return "".join(out)
