# requires: obj_items
def obj_entries(o):
    # Object.entries: [key, value] arrays in insertion order.
    return [[k, v] for k, v in obj_items(o)]
