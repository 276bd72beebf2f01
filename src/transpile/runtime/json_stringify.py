# requires: num_str, obj_items, null
def json_stringify(value, indent=None):
    # JSON.stringify: compact separators, integral floats without ".0", NaN and
    # Infinity as null, objects in insertion order, optional pretty indent. undefined (None)
    # and functions are left out of objects, null in arrays, and alone give undefined.
    value = _json_to(value, "")
    if _json_skipped(value):
        return None
    if type(indent) is int:
        indent = " " * min(indent, 10)
    elif indent is not None:
        indent = indent[:10]
    out = []
    _json_write(value, out, indent or "", "\n" if indent else "")
    return "".join(out)


def _json_write(v, out, indent, nl):
    t = type(v)
    if v is None or v is null:
        out.append("null")
    elif v is True:
        out.append("true")
    elif v is False:
        out.append("false")
    elif t is str:
        out.append(_json_str(v))
    elif t is int:
        # Past 2^53 an int holds a double's value, which JavaScript writes in its shortest form.
        out.append(str(v) if -9007199254740992 <= v <= 9007199254740992 else num_str(v))
    elif t is float:
        out.append(num_str(v) if v == v and v - v == 0 else "null")
    elif t is list or t is tuple or isinstance(v, list):
        if not v:
            out.append("[]")
            return
        inner = nl + indent if nl else ""
        out.append("[")
        for i, item in enumerate(v):
            if i:
                out.append(",")
            out.append(inner)
            item = _json_to(item, str(i))
            if _json_skipped(item):
                out.append("null")
            else:
                _json_write(item, out, indent, inner if nl else "")
        out.append(nl + "]" if nl else "]")
    else:
        items = obj_items(v)
        inner = nl + indent if nl else ""
        first = True
        out.append("{")
        for k, item in items:
            k = str(k)
            item = _json_to(item, k)
            if _json_skipped(item):
                continue
            if not first:
                out.append(",")
            first = False
            out.append(inner + _json_str(k) + (": " if nl else ":"))
            _json_write(item, out, indent, inner if nl else "")
        out.append(("}" if first else nl + "}") if nl else "}")


def _json_to(v, key):
    # A value with a toJSON method is written as what toJSON(key) returns (the property's name,
    # an array index as a string, "" alone), once: the result's own toJSON is not called.
    t = type(v)
    if v is None or t is str or t is int or t is float or t is bool or t is list:
        return v
    f = getattr(v, "toJSON", None)
    return f(key) if callable(f) else v


def _json_skipped(v):
    # undefined, functions and symbols: left out of objects, null in arrays.
    return v is None or callable(v) or type(v).__name__ == "JsSymbol"


def _json_str(s):
    # MicroPython's json writes \b and \f as \u0008 and \u000c; JavaScript uses the short forms.
    import json
    if "\x08" not in s and "\x0c" not in s:
        return json.dumps(s)
    return '"' + "\\f".join(["\\b".join([json.dumps(p)[1:-1] for p in part.split("\x08")]) for part in s.split("\x0c")]) + '"'
