# requires: py_key, js_str
def obj_delete(o, key):
    # delete o[key]: true even when the key was absent, or when an optional chain
    # (`delete o?.k`) found no object. A number key is its text (`delete a[1]` on any).
    if type(key) is not str and not isinstance(o, list):
        key = js_str(key)
    if isinstance(o, dict):
        o.pop(key, None)
    elif o is not None:
        d = getattr(o, "__dict__", None)
        if d is not None and "_js_keys" not in d:
            # A class instance: its properties are attributes, and it has no items.
            key = py_key(key)
            if key in d:
                delattr(o, key)
        elif key in o:
            del o[key]
    return True
