# requires: JsClassMethod
_js_class_methods = {}


def js_method(o, name, js_name=None, count=None):
    # `o.m` of a class method that reads no `this`, as a value: the one JsClassMethod of the
    # function the object's class has under that name (see JsClassMethod).
    fn = getattr(type(o), name, None)
    if fn is None:
        # Not a method of its class (an object literal typed as the class): its own property.
        return getattr(o, name)
    value = _js_class_methods.get(fn)
    if value is None:
        value = _js_class_methods[fn] = JsClassMethod(fn, js_name or name)
    if count is not None:
        value._js_count = count
    return value
