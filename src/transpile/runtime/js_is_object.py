# requires: null
def js_is_object(x):
    # `x instanceof Object`: every value but undefined, null and the primitives.
    return x is not None and x is not null and not isinstance(x, (bool, int, float, str))
