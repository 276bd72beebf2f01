# requires: JsMethod
def obj_methods(o, *names):
    # The object literal's methods that read `this`, bound to it once it exists.
    for name in names:
        setattr(o, name, JsMethod(getattr(o, name), o))
    return o
