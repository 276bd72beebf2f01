# requires: js_key
def obj_items(o):
    # An object's own (key, value) pairs in JavaScript's order: dicts keep theirs,
    # object literals list theirs in _keys, and attributes added later come after.
    if isinstance(o, dict):
        return list(o.items())
    d = o.__dict__
    order = d.get("_keys", ())
    pairs = [(js_key(k), d[k]) for k in order if k in d]
    for k in d:
        if k != "_keys" and k not in order and not callable(d[k]):
            pairs.append((js_key(k), d[k]))
    return pairs
