# `key in o`: whether o has the property, its own or its class's (a method), as JavaScript's
# `in` looks along the prototype chain. Python's own `in` would look for an element of a
# list and needs __contains__ on a class instance. An array has its indexes and `length`.
# Every object has the names of Object.prototype (obj_proto_keys).
# requires: py_key, js_str, obj_proto_keys
def js_in(key, o):
    if type(key) is not str:
        key = js_str(key)
    if key in obj_proto_keys:
        return True
    if isinstance(o, dict):
        return key in o
    if isinstance(o, (list, tuple, memoryview)) or type(o) is bytearray:
        # An array or typed array: its indexes ("01" is no index) and `length`.
        return key == "length" or key.isdigit() and (key[0] != "0" or key == "0") and int(key) < len(o)
    key = py_key(key)
    own = o.__dict__
    if key in own:
        return key != "_js_keys"
    # An object literal (a JsObject, which keeps `_js_keys`) has no methods of its own to find,
    # only its getters and setters (JsClassObject).
    if "_js_keys" in own:
        return key in getattr(type(o), "_js_accessors", ())
    return hasattr(type(o), key)
