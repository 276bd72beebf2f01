def error_name(e):
    # Error.name: a subclass sets its own; Python's built-in exceptions map back to
    # the JavaScript names they stand for.
    name = getattr(e, "name", None)
    if name is not None:
        return name
    t = type(e).__name__
    return {"Exception": "Error"}.get(t, t)
