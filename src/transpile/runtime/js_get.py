# requires: js_str, null, error_message, error_name, py_key
def js_get(o, k):
    # A property or element of a value typed any, read as JavaScript reads it from whatever
    # the value holds at run time: length of strings and arrays, in-range elements (else
    # undefined), keys of dicts and JSON objects, attributes of objects.
    t = type(o)
    if t is str or t is list or t is tuple or t is bytearray or t is bytes or isinstance(o, memoryview):
        if k == "length":
            return len(o)
        if type(k) is float and k == int(k):
            k = int(k)
        if type(k) is int and 0 <= k < len(o):
            return o[k]
        # A canonical index key ("0", "12", as for…in gives them) names an element.
        if type(k) is str and k.isdigit() and (k[0] != "0" or k == "0"):
            return js_get(o, int(k))
        if t is str and type(k) is str:
            return None
        # A typed array's own properties (byteLength, buffer, BYTES_PER_ELEMENT) and methods.
        if type(k) is str and isinstance(o, memoryview):
            return getattr(o, k, None)
        return None
    if isinstance(o, dict):
        # A Map's entries are not properties: only its size is.
        if hasattr(o, "has"):
            return o.size if k == "size" else None
        if type(k) is not str:
            # A number key is its text in JavaScript (`d[1]` finds "1"); a dict Python made
            # may hold the number itself.
            s = js_str(k)
            return o[s] if s in o else o.get(k)
        return o.get(k)
    if o is None or o is null:
        raise TypeError("Cannot read properties of " + js_str(o) + " (reading '" + js_str(k) + "')")
    if type(k) is not str:
        k = js_str(k)
    # An Error's message and name are Python's exception argument and class unless assigned.
    if isinstance(o, BaseException) and (k == "message" or k == "name"):
        return error_message(o) if k == "message" else error_name(o)
    # The attribute's Python-safe spelling (`class` → `class_`), as a literal's key has it.
    return getattr(o, py_key(k), None)
