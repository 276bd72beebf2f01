# requires: js_same
from collections import OrderedDict


class JsSet:
    # Set keeps insertion order; MicroPython's set does not. Values are stored as js_same
    # gives them (JavaScript's SameValueZero: true is not 1, arrays by identity, NaN once).
    def __init__(self, items=()):
        self._d = OrderedDict()
        for v in items:
            self._d[js_same(v)] = True

    def __iter__(self):
        return iter([js_unsame(v) for v in self._d])

    def __len__(self):
        return len(self._d)

    def __contains__(self, v):
        return js_same(v) in self._d

    @property
    def size(self):
        return len(self._d)

    def add(self, v):
        self._d[js_same(v)] = True
        return self

    def has(self, v):
        return js_same(v) in self._d

    def delete(self, v):
        v = js_same(v)
        if v in self._d:
            del self._d[v]
            return True
        return False

    def clear(self):
        self._d.clear()

    def values(self):
        return iter(self)

    keys = values

    def forEach(self, f, arity=1):
        for v in list(self):
            f(v, v) if arity > 1 else f(v)
