# requires: obj_items, obj_from
def obj_rest(o, taken, as_record=False):
    # The rest of an object pattern: the other own properties, in order.
    return obj_from([(k, v) for k, v in obj_items(o) if k not in taken], as_record)
