# requires: JsMethod, JsThisFunction
def js_call(f, this, args):
    # `f.call(t, …)` / `f.apply(t, args)` of a function the build cannot identify: `this` goes
    # to a function declaring it (keyword `this=`) or an object literal's method (its first
    # parameter); every other function (arrow, bound, one not reading `this`) ignores it.
    t = type(f)
    if t is JsThisFunction:
        return f._js_fn(*args, this=this)
    if t is JsMethod:
        return f._js_fn(this, *args)
    return f(*args)
