# An object literal: properties are attributes, so `point.x` reads the same whether `point`
# came from a literal or a class. Built from alternating keys and values because neither
# MicroPython's attribute table nor a function's **kwargs keeps insertion order, which
# Object.keys, JSON.stringify and console.log show: `_js_keys` remembers it.
# Item access (`o["k"]`) reaches the same attributes, for records and JSON.parse results.
# requires: js_key, py_key
class JsObject:
    def __init__(self, *pairs):
        keys = []
        i = 0
        while i < len(pairs):
            keys.append(pairs[i])
            setattr(self, pairs[i], pairs[i + 1])
            i += 2
        self._js_keys = keys

    def __getattr__(self, name):
        # Only called for attributes that are absent: an optional property left out
        # reads as undefined, as in JavaScript (`_cache` too). Python's own probes (`__iter__`)
        # and the runtime's `_js_` bookkeeping stay absent.
        if name[:2] == "__" or name[:4] == "_js_" or name in ("toString", "toJSON"):
            raise AttributeError(name)
        return None

    def __getitem__(self, key):
        return getattr(self, py_key(key), None)

    def get(self, key, default=None):
        # Record reads (`r[k]` typed as a record) are emitted as get(): a JSON.parse
        # object answers them too. __getattr__ answers None for a missing key, where an
        # update (`r[k] += 1`) asks for its own default.
        key = py_key(key)
        value = getattr(self, key, default)
        if value is None and key not in self.__dict__ and not hasattr(type(self), key):
            return default
        return value

    def __setitem__(self, key, value):
        key = py_key(key)
        if key not in self._js_keys:
            self._js_keys.append(key)
        setattr(self, key, value)

    def __delitem__(self, key):
        key = py_key(key)
        if key in self.__dict__:
            delattr(self, key)

    def pop(self, key, default=None):
        # `delete r[k]` of a record is emitted as pop(): a JSON.parse object answers it too.
        value = self.get(key, default)
        self.__delitem__(key)
        return value

    def __iter__(self):
        # Not hasattr: __getattr__ answers for absent (deleted, optional) keys too.
        d = self.__dict__
        hidden = d.get("_js_hidden", ())
        return iter([js_key(k) for k in self._js_keys if k in d and k not in hidden])

    def __contains__(self, key):
        return key != "_js_keys" and key != "_js_hidden" and py_key(key) in self.__dict__

    def __str__(self):
        return "[object Object]"
