def error_name(e):
    # Error.name: a subclass sets its own; Python's built-in exceptions map back to
    # the JavaScript names they stand for. A program's own subclass that sets none has the name
    # of the library class it extends (`class E extends Error {}` is named "Error").
    name = getattr(e, "name", None)
    if name is not None:
        return name
    t = type(e)
    while getattr(t, "__module__", "_tsmp") != "_tsmp" and t.__bases__:
        t = t.__bases__[0]
    t = t.__name__
    return {"Exception": "Error"}.get(t, t)
