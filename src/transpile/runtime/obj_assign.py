# requires: obj_items
def obj_assign(target, *sources):
    # Object.assign copies own properties left to right and returns the target.
    for source in sources:
        if source is None:
            continue
        for k, v in obj_items(source):
            target[k] = v
    return target
