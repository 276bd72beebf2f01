def obj_delete(o, key):
    # delete o[key]: true even when the key was absent.
    if isinstance(o, dict):
        o.pop(key, None)
    elif key in o:
        del o[key]
    return True
