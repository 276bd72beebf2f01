class JsMethod:
    # An object literal's method that reads `this` (`{ n: 1, inc() { this.n++; } }`): bound to
    # its object as a Python method is to its instance, since a call `o.inc()` passes no
    # receiver. Copying the property to a new object (spread, Object.assign, a rest pattern)
    # binds it to the copy, whose method `this` is in JavaScript.
    def __init__(self, fn, this):
        self._js_fn = fn
        self._js_this = this

    def __call__(self, *args, **kwargs):
        return self._js_fn(self._js_this, *args, **kwargs)
