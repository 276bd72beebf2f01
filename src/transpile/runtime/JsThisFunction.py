# requires: JsFunction
class JsThisFunction(JsFunction):
    # A function declaring a `this` parameter (`function area(this: Shape)`), which takes it as
    # the keyword `this=`. MicroPython functions cannot be marked, so this class is the mark:
    # js_call and js_bind pass `this` only to such a function, wherever it travelled.
    pass
