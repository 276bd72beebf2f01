# Object.hasOwn(o, key) and o.hasOwnProperty(key): whether the key is one of the object's
# own properties, as Object.getOwnPropertyNames lists them (an array's indexes and its length
# too, keys Object.defineProperty made non-enumerable too).
# requires: obj_own_names, js_str
def obj_has_own(o, key):
    key = js_str(key)
    if isinstance(o, (list, str)):
        return key == "length" or key.isdigit() and int(key) < len(o)
    return key in obj_own_names(o)
