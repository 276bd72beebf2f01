# requires: JsEntries
class JsMap(JsEntries):
    # Map: insertion-ordered entries whose iterators are live (see JsEntries). Keys are stored
    # as js_same gives them, so that true and 1, two equal arrays, or NaN and NaN are told
    # apart or not as JavaScript does. It iterates as [key, value] pairs.
    def __init__(self, entries=()):
        super().__init__()
        for k, v in entries:
            self._put(k, v)

    def __iter__(self):
        return self._walk(2)

    def items(self):
        return [(js_unsame(k), v) for k, v in zip(self._k, self._v) if k is not _js_hole]

    def get(self, key, default=None):
        at = self._at.get(js_same(key))
        return default if at is None else self._v[at]

    def set(self, key, value):
        self._put(key, value)
        return self

    def keys(self):
        return self._walk(0)

    def values(self):
        return self._walk(1)

    def entries(self):
        return self._walk(2)

    def forEach(self, f, arity=2):
        # Python functions take exactly the arguments they declare: arity is how many of
        # (value, key, map) the callback accepts, known when transpiling. Entries added or deleted
        # by the callback are seen as in JavaScript.
        for k, v in self._walk(2):
            f(v, k, self) if arity > 2 else f(v, k) if arity > 1 else f(v)
