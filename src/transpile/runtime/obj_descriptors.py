# Object.getOwnPropertyDescriptors of an object literal or a record (the transpiler rejects
# other values): tsmp keeps only writable, configurable data properties, enumerable unless
# Object.defineProperty hid them.
# requires: obj_items, JsObject, py_key
def obj_descriptors(o):
    hidden = () if isinstance(o, dict) else o.__dict__.get("_js_hidden", ())
    pairs = []
    for k, v in obj_items(o, True):
        k = py_key(k)
        pairs.append(k)
        pairs.append(JsObject("value", v, "writable", True, "enumerable", k not in hidden, "configurable", True))
    return JsObject(*pairs)
