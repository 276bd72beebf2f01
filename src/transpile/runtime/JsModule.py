# `import * as ns` used as an object (Object.keys(ns), for…in, JSON.stringify, console.log,
# ns[k], handed on): exactly the module's exports, in the order JavaScript gives a module
# namespace's keys (sorted), with their values at that moment. The Python module itself would
# show its own names too (__name__, the helpers it imports, names it does not export).
# requires: JsObject
class JsModule(JsObject):
    def toString(self):
        # A namespace has no prototype, so no toString: String(ns) throws in JavaScript.
        raise TypeError("Cannot convert object to primitive value")

    __str__ = toString
