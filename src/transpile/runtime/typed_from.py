# requires: TypedArray
def typed_from(cls, source, f=None, n=1):
    # XArray.from(iterable, mapper?): the mapper sees (value, index).
    items = list(source)
    if f is not None:
        items = [f(v) if n == 1 else f(v, i) if n == 2 else f() for i, v in enumerate(items)]
    return typed_copy(cls, items)
