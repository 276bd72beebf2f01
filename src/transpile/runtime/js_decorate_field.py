# Standard (ECMAScript) field decorators, applied last written first: each gets undefined and a
# context { kind, name, static, private }; a function it returns is kept in `initializers`
# (first decorator's first), through which every new instance's starting value passes
# (js_field_init). `decorators` holds (decorator, whether the function it returns declares
# `this`).
# requires: JsObject
def js_decorate_field(name, decorators, initializers):
    for decorator, takes_this in reversed(decorators):
        context = JsObject("kind", "field", "name", name, "static", False, "private", False)
        result = decorator(None, context)
        if result is not None:
            if not callable(result):
                raise TypeError("Function expected")
            initializers.insert(0, (result, takes_this))
