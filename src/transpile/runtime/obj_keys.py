# requires: obj_items
def obj_keys(o):
    # Object.keys in insertion order (a getter is not called).
    return [k for k, v in obj_items(o, False, False)]
