# requires: null
# JavaScript truthiness for values whose type is not known statically: empty lists and
# objects are truthy in JS, NaN is falsy.
def js_truthy(value=False):
    if isinstance(value, str):
        return value != ""
    if isinstance(value, (int, float)):
        return value != 0 and value == value
    return value is not None and value is not False and value is not null
