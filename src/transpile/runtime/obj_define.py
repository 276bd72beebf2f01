# Object.defineProperty with a data descriptor whose property stays writable and configurable
# (the transpiler rejects the others). enumerable is True, False or None when left out: an
# existing property keeps its own, a new one is not enumerable. A hidden key is listed in
# _js_hidden, which obj_items skips; a missing value leaves an existing property's alone.
# requires: py_key
def obj_define(o, key, enumerable, *value):
    k = py_key(key)
    d = o.__dict__
    exists = k in d
    if value or not exists:
        setattr(o, k, value[0] if value else None)
    order = d.get("_js_keys")
    if order is not None and k not in order:
        order.append(k)
    hidden = d.get("_js_hidden")
    if enumerable is None:
        enumerable = exists and not (hidden is not None and k in hidden)
    if not enumerable:
        if hidden is None:
            o._js_hidden = [k]
        elif k not in hidden:
            hidden.append(k)
    elif hidden is not None and k in hidden:
        hidden.remove(k)
    return o
