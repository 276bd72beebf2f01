# requires: obj_items
def obj_values(o):
    # Object.values in insertion order.
    return [v for k, v in obj_items(o)]
