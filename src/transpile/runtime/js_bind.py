# requires: js_call
def js_bind(f, this, args):
    # `f.bind(t, …)` of a function the build cannot identify: a new function that calls it as
    # js_call would, with the bound arguments first; its own `this` is ignored, as in JavaScript.
    return lambda *more: js_call(f, this, args + more)
