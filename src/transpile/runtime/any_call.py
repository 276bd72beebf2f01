# requires: any_str_call, any_list_call, js_str, to_fixed, num_to_radix, null, obj_to_string
def any_call(o, name, n, *args):
    # A library method called on a value typed any: the JavaScript method of what the value
    # holds at run time (a string, an array, a number), else the object's own method.
    t = type(o)
    if t is str:
        return any_str_call(o, name, args)
    if t is list:
        return any_list_call(o, name, n, args)
    if name == "toString" and (t is int or t is float or t is bool):
        return num_to_radix(o, args[0]) if args and t is not bool else js_str(o)
    if name == "toFixed" and (t is int or t is float):
        return to_fixed(o, *args)
    if o is None or o is null:
        raise TypeError("Cannot read properties of " + str(o).replace("None", "undefined") + " (reading '" + name + "')")
    if name == "toString" and not hasattr(o, name):
        # Object.prototype's, which tsmp's objects do not carry: "[object Object]" and the like.
        return obj_to_string(o)
    f = getattr(o, name)
    if n and isinstance(o, memoryview):
        # A typed array's callback methods are told the callback's arity after it.
        return f(args[0], n, *args[1:])
    if name == "forEach" and hasattr(o, "size"):
        return f(args[0], n)
    return f(*args)
