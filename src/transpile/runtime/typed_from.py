# requires: TypedArray
def typed_from(cls, source, f=None, n=1):
    # XArray.from(iterable or array-like {length}, mapper?): the mapper sees (value, index).
    if type(source).__name__ == "JsObject" or isinstance(source, dict) and "length" in source:
        # An array-like's missing elements are undefined: 0 in an integer array, NaN in a float one.
        items = [None if f is not None else 0 if cls._int else float("nan")] * int(source["length"])
    else:
        items = list(source)
    if f is not None:
        items = [f(v) if n == 1 else f(v, i) if n == 2 else f() for i, v in enumerate(items)]
    return typed_copy(cls, items)
