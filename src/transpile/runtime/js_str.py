# requires: num_str, null, error_name, error_message
def js_str(x):
    # String(x): Python's str() would give "True", "None", "2.0" and "[1, 2]".
    t = type(x)
    if t is str:
        return x
    if x is None:
        return "undefined"
    if x is null:
        return "null"
    if x is True:
        return "true"
    if x is False:
        return "false"
    if t is int or t is float:
        return num_str(x)
    if t is list or t is tuple:
        return ",".join(["" if v is None or v is null else js_str(v) for v in x])
    if hasattr(x, "toString"):
        return x.toString()
    if isinstance(x, BaseException):
        name = error_name(x)
        message = error_message(x)
        return name + ": " + message if message else name
    if callable(x):
        # JavaScript gives a function's (or a class's) source text, which the board does not have.
        raise TypeError("tsmp: a function's text (its source) is not available")
    return "[object Object]"
