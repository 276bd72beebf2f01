# Applies standard (ECMAScript) decorators that may replace a function (a method's, a getter's,
# a setter's), last written first: each gets the function as the one before left it and a new
# context { kind, name, static, private }; a function it returns replaces it. `decorators` holds
# (decorator, whether the function it returns declares `this`). Returns the final function and
# whether it declares `this`, or None when no decorator replaced the function.
# requires: JsObject
def js_apply_decorators(value, kind, js_name, static, decorators):
    replaced = None
    for decorator, result_takes_this in reversed(decorators):
        result = decorator(value, JsObject("kind", kind, "name", js_name, "static", static, "private", False))
        if result is not None:
            if not callable(result):
                raise TypeError("Function expected")
            value = result
            replaced = (value, result_takes_this)
    return replaced
