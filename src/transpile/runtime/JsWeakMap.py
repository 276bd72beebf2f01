# WeakMap: a JsMap keyed by the objects themselves, without Map's size. MicroPython has no
# weak references: an entry keeps its key alive until it is deleted.
# requires: JsMap
class JsWeakMap(JsMap):
    size = None
