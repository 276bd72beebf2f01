# requires: obj_items, OrderedDict, null
def py_data(v):
    # A value handed to a Python function as data (tsmp/kwargs' PythonData): objects become
    # OrderedDicts in insertion order, arrays lists, nested alike; null is Python's None.
    t = type(v)
    if v is null:
        return None
    if v is None or t is bool or t is int or t is float or t is str or t is bytes or t is bytearray:
        return v
    if t is list or t is tuple:
        return [py_data(item) for item in v]
    return OrderedDict([(k, py_data(item)) for k, item in obj_items(v)])
