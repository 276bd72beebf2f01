def js_new(cls, *args):
    # `new C(...)` where the checker could not tell what C is (any, a union, a construct
    # signature): what JavaScript's new does for each kind tsmp supports. A typed array is built
    # as `new Int16Array(...)` is (over an ArrayBuffer, a view of its bytes); typed_view is in
    # the helper module whenever a typed array class is (helper-module.ts). Other classes are
    # called. A function that is not a class has no `new` on MicroPython.
    if not isinstance(cls, type):
        raise TypeError(getattr(cls, "__name__", "value") + " is not a constructor tsmp can call with new")
    if hasattr(cls, "BYTES_PER_ELEMENT"):
        return typed_view(cls, *args)
    return cls(*args)
