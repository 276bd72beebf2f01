def js_typeof(x):
    # typeof: the JavaScript type name of a value (null, like any object, is "object"); a
    # class is a function.
    if x is None:
        return "undefined"
    t = type(x)
    if t is type:
        return "function"
    if t is bool:
        return "boolean"
    if t is int or t is float:
        return "number"
    if t is str:
        return "string"
    if t.__name__ == "JsSymbol":
        return "symbol"
    if callable(x) and not hasattr(x, "__dict__") or type(x).__name__ in ("function", "closure", "bound_method", "JsFunction", "JsMethod", "JsClassMethod"):
        return "function"
    return "object"
