# requires: num_str, null
def js_str(x=""):
    # String(x), and String() is "": Python's str() would give "True", "None", "2.0" and "[1, 2]".
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
        # error_name's and error_message's rules, inline: js_str is in most programs.
        name = getattr(x, "name", None)
        if name is None:
            t = type(x)
            while getattr(t, "__module__", "_tsmp") != "_tsmp" and t.__bases__:
                t = t.__bases__[0]
            name = {"Exception": "Error"}.get(t.__name__, t.__name__)
        message = getattr(x, "message", None)
        message = str(x) if message is None else message
        return name + ": " + message if message else name
    if callable(x):
        # JavaScript gives a function's (or a class's) source text, which the board does not have.
        raise TypeError("tsmp: a function's text (its source) is not available")
    name = t.__name__
    if name in ("JsMap", "JsSet", "JsWeakMap", "JsWeakSet", "JsPromise", "JsGenerator"):
        return "[object " + name[2:] + "]"
    return "[object Object]"
