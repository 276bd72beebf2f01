from collections import OrderedDict


class JsSet:
    # Set keeps insertion order; MicroPython's set does not.
    def __init__(self, items=()):
        self._d = OrderedDict()
        for v in items:
            self._d[v] = True

    def __iter__(self):
        return iter(self._d)

    def __len__(self):
        return len(self._d)

    def __contains__(self, v):
        return v in self._d

    @property
    def size(self):
        return len(self._d)

    def add(self, v):
        self._d[v] = True
        return self

    def has(self, v):
        return v in self._d

    def delete(self, v):
        if v in self._d:
            del self._d[v]
            return True
        return False

    def clear(self):
        self._d.clear()

    def values(self):
        return iter(self._d)

    keys = values

    def forEach(self, f, arity=1):
        for v in list(self._d):
            f(v, v) if arity > 1 else f(v)
