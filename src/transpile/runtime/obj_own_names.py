# Object.getOwnPropertyNames: Object.keys, and an array's or a string's length after its indexes.
# requires: obj_keys
def obj_own_names(o):
    if isinstance(o, (list, str)):
        return [str(i) for i in range(len(o))] + ["length"]
    return obj_keys(o)
