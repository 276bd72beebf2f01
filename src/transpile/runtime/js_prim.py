# requires: js_str, null
def js_prim(x):
    # ToPrimitive: an object converts by its valueOf() when that gives a primitive (as a class
    # declaring `valueOf(): number` does), else by its toString(). `+` and `<` convert so, where
    # String(x) and a template call toString() first.
    t = type(x)
    if t is str or t is int or t is float or t is bool or x is None or x is null:
        return x
    if t is not list and t is not tuple:
        f = getattr(x, "valueOf", None)
        if callable(f):
            v = f()
            t = type(v)
            if t is str or t is int or t is float or t is bool or v is None or v is null:
                return v
    return js_str(x)
