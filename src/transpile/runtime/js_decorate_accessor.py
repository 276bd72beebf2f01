# Standard (ECMAScript) getter and setter decorators on an instance accessor, applied last
# written first. Each gets the getter or setter as a function in tsmp's calling convention
# (`this` as the keyword `this=`) and a context { kind, name, static, private }; a function it
# returns replaces it. The accessor's functions are the class's `_get_<name>`/`_set_<name>`
# (see class-accessors.ts), so the property over them is made again. `decorators` holds
# (decorator, whether the function it returns declares `this`).
# requires: js_apply_decorators, JsThisFunction
def js_decorate_accessor(cls, js_name, name, kind, has_setter, decorators):
    function_name = ("_get_" if kind == "getter" else "_set_") + name
    original = getattr(cls, function_name)

    def value(*args, this=None):
        return original(this, *args)

    # Marked as declaring `this`, so a decorator's `setter.call(this, …)` passes it.
    replaced = js_apply_decorators(JsThisFunction(value), kind, js_name, False, decorators)
    if replaced is None:
        return
    function, takes_this = replaced
    if takes_this:

        def installed(self, *args):
            return function(*args, this=self)

    else:

        def installed(self, *args):
            return function(*args)

    setattr(cls, function_name, installed)
    if has_setter:
        setattr(cls, name, property(getattr(cls, "_get_" + name), getattr(cls, "_set_" + name)))
    else:
        setattr(cls, name, property(getattr(cls, "_get_" + name)))
