# requires: js_same
from collections import OrderedDict


class JsMap(OrderedDict):
    # Map keeps insertion order (a plain MicroPython dict does not) and iterates
    # as [key, value] pairs. Keys are stored as js_same gives them, so that true and 1,
    # two equal arrays, or NaN and NaN are told apart or not as JavaScript does.
    def __init__(self, entries=()):
        super().__init__()
        for k, v in entries:
            self[js_same(k)] = v

    def __iter__(self):
        for k, v in super().items():
            yield [js_unsame(k), v]

    def items(self):
        return [(js_unsame(k), v) for k, v in super().items()]

    def keys(self):
        return [js_unsame(k) for k in super().keys()]

    @property
    def size(self):
        return len(self)

    def get(self, key, default=None):
        return super().get(js_same(key), default)

    def set(self, key, value):
        self[js_same(key)] = value
        return self

    def has(self, key):
        return js_same(key) in self

    def delete(self, key):
        key = js_same(key)
        if key in self:
            del self[key]
            return True
        return False

    entries = __iter__

    def forEach(self, f, arity=2):
        # Python functions take exactly the arguments they declare: arity is how
        # many of (value, key) the callback accepts, known when transpiling.
        for k, v in self.items():
            f(v, k) if arity > 1 else f(v)
