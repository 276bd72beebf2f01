# requires: js_str
def obj_to_string(x):
    # value.toString() where the checker knows only Object's (a value typed object, a class
    # without a toString of its own): the value's own toString, an array's join, an error's
    # "Name: message", "[object Map]" for the library's classes, "[object Object]" otherwise.
    name = type(x).__name__
    if name in ("JsMap", "JsSet", "JsWeakMap", "JsWeakSet", "JsPromise", "JsGenerator"):
        return "[object " + name[2:] + "]"
    if callable(x) and not hasattr(x, "toString"):
        # JavaScript gives the function's source text, which the board does not have.
        raise TypeError("tsmp: a function's toString() (its source text) is not available")
    return js_str(x)
