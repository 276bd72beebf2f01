# requires: JsObject, OrderedDict, js_str
def obj_from(pairs, as_record=False):
    # An object built from (key, value) pairs in order: spreads, computed keys, and
    # Object.fromEntries, whose keys may be numbers (keys are strings in JavaScript).
    o = OrderedDict() if as_record else JsObject()
    for k, v in pairs:
        if type(k) is not str:
            k = js_str(k)
        if type(v).__name__ == "JsMethod":
            # A method copied from another object reads the copy as `this`.
            v = type(v)(v._js_fn, o)
        o[k] = v
    return o
