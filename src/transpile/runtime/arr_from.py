def arr_from(source, f=None, n=1):
    # Array.from: any iterable, or an array-like {length}, optionally mapped with (v, i). An
    # object literal is array-like unless it has a [Symbol.iterator]() method (JsClassObject).
    t = type(source)
    if t.__name__ == "JsObject" or hasattr(t, "_js_accessors") and not hasattr(t, "_js_iterator") or isinstance(source, dict) and "length" in source:
        items = [None] * int(source["length"])
    else:
        items = list(source)
    if f is None:
        return items
    if n == 2:
        return [f(v, i) for i, v in enumerate(items)]
    return [f(v) for v in items] if n else [f() for v in items]
