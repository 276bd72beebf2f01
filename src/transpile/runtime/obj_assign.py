# requires: obj_items, null
def obj_assign(target, *sources):
    # Object.assign copies own properties left to right and returns the target.
    for source in sources:
        if source is None or source is null:
            continue
        for k, v in obj_items(source):
            if type(v).__name__ == "JsMethod":
                # A method copied onto the target reads the target as `this`.
                v = type(v)(v._js_fn, target)
            target[k] = v
    return target
