def obj_delete(o, key):
    # delete o[key]: true even when the key was absent, or when an optional chain
    # (`delete o?.k`) found no object.
    if isinstance(o, dict):
        o.pop(key, None)
    elif o is not None and key in o:
        del o[key]
    return True
