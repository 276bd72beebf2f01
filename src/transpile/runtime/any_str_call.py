# requires: js_str, js_at, js_char_at, char_code_at, str_index_of, str_last_index_of, str_split, str_replace, str_pad_start, str_pad_end, str_repeat, str_substring
def any_str_call(s, name, args):
    # A string method called on a value typed any that holds a string at run time.
    a = args
    k = len(a)
    if name == "toUpperCase":
        return s.upper()
    if name == "toLowerCase":
        return s.lower()
    if name == "trim":
        return s.strip()
    if name == "trimStart":
        return s.lstrip()
    if name == "trimEnd":
        return s.rstrip()
    if name == "includes":
        return a[0] in s[int(a[1]) if k > 1 else 0 :]
    if name == "startsWith":
        return s.startswith(a[0], max(int(a[1]), 0) if k > 1 else 0)
    if name == "endsWith":
        return s[: int(a[1])].endswith(a[0]) if k > 1 else s.endswith(a[0])
    if name == "indexOf":
        return str_index_of(s, *a)
    if name == "lastIndexOf":
        return str_last_index_of(s, *a)
    if name == "slice":
        return s[int(a[0]) if k else 0 : int(a[1]) if k > 1 else len(s)]
    if name == "substring":
        return str_substring(s, *a)
    if name == "split":
        return str_split(s, *a)
    if name == "replace":
        return str_replace(s, a[0], a[1])
    if name == "replaceAll":
        return str_replace(s, a[0], a[1], True)
    if name == "padStart":
        return str_pad_start(s, *a)
    if name == "padEnd":
        return str_pad_end(s, *a)
    if name == "repeat":
        return str_repeat(s, *a)
    if name == "charAt":
        return js_char_at(s, *a)
    if name == "charCodeAt":
        return char_code_at(s, *a)
    if name == "at":
        return js_at(s, *a)
    if name == "concat":
        return s + "".join([js_str(v) for v in a])
    if name == "toString" or name == "valueOf":
        return s
    raise TypeError("s." + name + " is not a function")
