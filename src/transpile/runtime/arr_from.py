def arr_from(source, f=None, n=1):
    # Array.from: any iterable, or an array-like {length}, optionally mapped with (v, i).
    if type(source).__name__ == "JsObject" or isinstance(source, dict) and "length" in source:
        items = [None] * int(source["length"])
    else:
        items = list(source)
    if f is None:
        return items
    if n == 2:
        return [f(v, i) for i, v in enumerate(items)]
    return [f(v) for v in items] if n else [f() for v in items]
