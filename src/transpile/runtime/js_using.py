# requires: null
def js_using(stack, value):
    # `using x = value`: keeps value's [Symbol.dispose]() (its `_js_dispose`) for the end of the
    # block (js_dispose). null and undefined are allowed and dispose of nothing.
    if value is None or value is null:
        return value
    dispose = getattr(value, "_js_dispose", None)
    if dispose is None:
        raise TypeError("Object not disposable.")
    stack.append(dispose)
    return value
