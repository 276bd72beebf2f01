# Standard (ECMAScript) method decorators, applied last written first. Each gets the method as
# a function in tsmp's calling convention (`this` as the keyword `this=`, undefined in a plain
# call) and a context { kind, name, static, private }; a function it returns replaces the
# method. `decorators` holds (decorator, whether the function it returns declares `this`).
# requires: js_apply_decorators, JsThisFunction
def js_decorate_method(cls, js_name, name, static, decorators):
    original = getattr(cls, name)
    if static:

        def value(*args, this=None):
            return original(*args)

    else:

        def value(*args, this=None):
            return original(this, *args)

    # Marked as declaring `this`, so a decorator's `method.call(this, …)` passes it.
    replaced = js_apply_decorators(JsThisFunction(value), "method", js_name, static, decorators)
    if replaced is None:
        return
    method, takes_this = replaced
    if static:
        if takes_this:

            def installed(*args):
                return method(*args, this=cls)

        else:

            def installed(*args):
                return method(*args)

        setattr(cls, name, staticmethod(installed))
    elif takes_this:

        def installed(self, *args):
            return method(*args, this=self)

        setattr(cls, name, installed)
    else:

        def installed(self, *args):
            return method(*args)

        setattr(cls, name, installed)
