class JsClassMethod:
    # A class method that reads no `this`, read off an object as a value (`const f = c.m`,
    # `c.m === d.m`, `handlers.includes(c.m)`): JavaScript gives the class's one function, the
    # same for every instance, where a Python bound method is a new object at each read. It
    # calls the class's function with no object (the method reads none); js_method keeps one
    # per function, so reads compare equal as JavaScript's do.
    # A read where more arguments may be passed than the method declares (`each(xs, c.show)`)
    # sets _js_count: JavaScript drops the surplus, Python would raise TypeError.
    _js_no_keys = True
    _js_count = None

    def __init__(self, fn, name):
        self._js_fn = fn
        self._js_name = name

    def __call__(self, *args, **kwargs):
        if self._js_count is not None:
            args = args[: self._js_count]
        return self._js_fn(None, *args, **kwargs)
