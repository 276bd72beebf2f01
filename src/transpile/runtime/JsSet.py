# requires: JsEntries
class JsSet(JsEntries):
    # Set: insertion-ordered values whose iterators are live (see JsEntries). Values are stored
    # as js_same gives them (JavaScript's SameValueZero: true is not 1, arrays by identity, NaN
    # once).
    def __init__(self, items=()):
        super().__init__()
        for v in items:
            self._put(v, None)

    def __iter__(self):
        return self._walk(0)

    def __contains__(self, v):
        return js_same(v) in self._at

    def add(self, v):
        self._put(v, None)
        return self

    def values(self):
        return self._walk(0)

    keys = values

    def entries(self):
        return ([v, v] for v in self._walk(0))

    def forEach(self, f, arity=1):
        for v in self._walk(0):
            f(v, v, self) if arity > 2 else f(v, v) if arity > 1 else f(v)
