# Object.hasOwn(o, key) and o.hasOwnProperty(key): whether the key is one of the object's
# own properties, as Object.keys lists them (an array's indexes and its length too).
# requires: obj_keys, js_str
def obj_has_own(o, key):
    key = js_str(key)
    if isinstance(o, (list, str)):
        return key == "length" or key.isdigit() and int(key) < len(o)
    return key in obj_keys(o)
