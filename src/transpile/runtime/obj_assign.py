# requires: obj_items, null, py_key
def obj_assign(target, *sources):
    # Object.assign copies own properties left to right and returns the target: items of an
    # object literal or a record, attributes of a class instance (`Object.assign(this, opts)`
    # in a constructor).
    items = hasattr(type(target), "__setitem__")
    for source in sources:
        if source is None or source is null:
            continue
        for k, v in obj_items(source):
            if type(v).__name__ == "JsMethod":
                # A method copied onto the target reads the target as `this`.
                v = type(v)(v._js_fn, target)
            if items:
                target[k] = v
            else:
                setattr(target, py_key(k), v)
    return target
