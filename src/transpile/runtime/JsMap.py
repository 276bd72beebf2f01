from collections import OrderedDict


class JsMap(OrderedDict):
    # Map keeps insertion order (a plain MicroPython dict does not) and iterates
    # as [key, value] pairs.
    def __iter__(self):
        for k, v in self.items():
            yield [k, v]

    @property
    def size(self):
        return len(self)

    def set(self, key, value):
        self[key] = value
        return self

    def has(self, key):
        return key in self

    def delete(self, key):
        if key in self:
            del self[key]
            return True
        return False

    entries = __iter__

    def forEach(self, f, arity=2):
        # Python functions take exactly the arguments they declare: arity is how
        # many of (value, key) the callback accepts, known when transpiling.
        for k, v in list(self.items()):
            f(v, k) if arity > 1 else f(v)
