# Object.getOwnPropertyNames: Object.keys with the keys Object.defineProperty hid, and an
# array's or a string's length after its indexes.
# requires: obj_items
def obj_own_names(o):
    if isinstance(o, (list, str)):
        return [str(i) for i in range(len(o))] + ["length"]
    return [k for k, v in obj_items(o, True, False)]
