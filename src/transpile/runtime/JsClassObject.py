# An object literal with a class of its own, because MicroPython runs a `property` or an
# `__iter__` only from a class: its getters and setters (`{ _v: 1, get v() { … } }`), named in
# `_js_accessors` with the label console.log shows for each, and its [Symbol.iterator]()
# method (`_js_iterator`, with `__iter__ = js_iterate`). `keys` is the literal's whole key
# order, accessors in their places, since they have no attribute of their own to be found by.
# requires: JsObject, js_key, py_key
class JsClassObject(JsObject):
    def __init__(self, keys, *pairs):
        JsObject.__init__(self, *pairs)
        self._js_keys = keys

    def __iter__(self):
        d = self.__dict__
        hidden = d.get("_js_hidden", ())
        accessors = self._js_accessors
        return iter([js_key(k) for k in self._js_keys if (k in d or k in accessors) and k not in hidden])

    def __contains__(self, key):
        return JsObject.__contains__(self, key) or py_key(key) in self._js_accessors
