# requires: js_key
def obj_items(o, hidden_too=False, getters=True):
    # An object's own enumerable (key, value) pairs in JavaScript's order: integer-like keys
    # first, ascending, then the others as inserted (dicts keep theirs, object literals list
    # theirs in _js_keys, and attributes added later come after). Keys Object.defineProperty made
    # non-enumerable (_js_hidden) only with hidden_too (Object.getOwnPropertyNames).
    # An object literal's accessor (JsClassObject) gives its getter's value, or with
    # getters=False, for what only needs the keys, its console.log label without calling it.
    # Spreading an array or a typed array gives its indexes; null, undefined, booleans and
    # numbers have no own properties.
    if isinstance(o, dict):
        pairs = list(o.items())
    elif isinstance(o, (list, tuple, str, memoryview)) or type(o) is bytearray:
        # A typed array (a memoryview, or a bytearray standing for a Uint8Array) has its indexes.
        return [(str(i), v) for i, v in enumerate(o)]
    elif not hasattr(o, "__dict__") or hasattr(type(o), "_js_no_keys"):
        # A DataView, Promise … keeps its state in attributes JavaScript does not show.
        return []
    else:
        d = o.__dict__
        order = d.get("_js_keys", ())
        hidden = () if hidden_too else d.get("_js_hidden", ())
        if not hidden_too and isinstance(o, BaseException):
            # An Error's message is its own property but not enumerable, assigned or not.
            hidden = tuple(hidden) + ("message",)
        accessors = getattr(type(o), "_js_accessors", None)
        if accessors:
            pairs = [
                (js_key(k), d[k] if k in d else getattr(o, k) if getters else accessors[k])
                for k in order
                if (k in d or k in accessors) and k not in hidden
            ]
        else:
            pairs = [(js_key(k), d[k]) for k in order if k in d and k not in hidden]
        for k in d:
            if k != "_js_keys" and k != "_js_hidden" and k not in order and k not in hidden and not callable(d[k]):
                pairs.append((js_key(k), d[k]))
    indexes = [p for p in pairs if _index_key(p[0])]
    if not indexes:
        return pairs
    return sorted(indexes, key=lambda p: int(p[0])) + [p for p in pairs if not _index_key(p[0])]


def _index_key(k):
    return type(k) is str and k.isdigit() and (k[0] != "0" or k == "0") and len(k) < 11 and int(k) < 4294967295
