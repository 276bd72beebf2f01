# requires: js_same
_js_hole = object()


class JsMoved:
    # Left at the end of a key list that JsEntries replaced: where its keys went, and whether
    # they went at all (clear) or were only packed (deleted keys dropped).
    def __init__(self, keys, cleared):
        self.keys = keys
        self.cleared = cleared


class JsEntries:
    # The entries of a Map or Set as JavaScript keeps them, so that an open iterator (for…of,
    # keys(), next()) sees keys added after it started and skips keys deleted before it got
    # there. Keys (as js_same gives them) are in a list in insertion order, where a deleted key
    # leaves a hole, and a dict gives each key's position, so lookups hash. When holes outnumber
    # keys the list is packed into a new one; the old list, kept only by the iterators still on
    # it, ends with a JsMoved telling them where to carry on.
    def __init__(self):
        self._at = {}
        self._k = []
        self._v = []
        # Object.keys, JSON.stringify and a spread see no own properties, as on a Map.
        self._js_hidden = ("_at", "_k", "_v")

    def __len__(self):
        return len(self._at)

    @property
    def size(self):
        return len(self._at)

    def has(self, key):
        return js_same(key) in self._at

    def _put(self, key, value):
        key = js_same(key)
        at = self._at.get(key)
        if at is None:
            self._at[key] = len(self._k)
            self._k.append(key)
            self._v.append(value)
        else:
            self._v[at] = value

    def delete(self, key):
        at = self._at.pop(js_same(key), None)
        if at is None:
            return False
        self._k[at] = _js_hole
        self._v[at] = None
        if len(self._k) > 8 and len(self._k) > 2 * len(self._at):
            self._move(False)
        return True

    def clear(self):
        self._at = {}
        self._move(True)

    def _move(self, cleared):
        old = self._k
        keys = [] if cleared else [k for k in old if k is not _js_hole]
        self._v = [] if cleared else [v for k, v in zip(old, self._v) if k is not _js_hole]
        self._k = keys
        for i, k in enumerate(keys):
            self._at[k] = i
        old.append(JsMoved(keys, cleared))

    def _walk(self, kind):
        # kind 0: keys, 1: values, 2: [key, value] pairs. A generator stays done once done.
        # Each step looks again whether the list was packed, as a step may follow any change.
        # Keys have a loop of their own: for…of over a Map or Set is the common path.
        keys = self._k
        values = self._v
        i = 0
        if kind == 0:
            while True:
                if keys is not self._k:
                    keys, i = _js_follow(keys, i, self._k)
                if i >= len(keys):
                    return
                key = keys[i]
                i += 1
                if key is not _js_hole:
                    yield js_unsame(key)
        while True:
            if keys is not self._k:
                keys, i = _js_follow(keys, i, self._k)
                values = self._v
            if i >= len(keys):
                return
            key = keys[i]
            i += 1
            if key is not _js_hole:
                yield values[i - 1] if kind == 1 else [js_unsame(key), values[i - 1]]


def _js_follow(keys, i, current):
    # An iterator's position in a list since packed: the keys before it that were kept.
    while keys is not current:
        moved = keys[-1]
        i = 0 if moved.cleared else sum(1 for k in keys[:i] if k is not _js_hole)
        keys = moved.keys
    return keys, i
