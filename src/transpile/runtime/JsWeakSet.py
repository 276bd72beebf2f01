# WeakSet: a JsSet of the objects themselves, without Set's size. MicroPython has no weak
# references: a member stays alive until it is deleted.
# requires: JsSet
class JsWeakSet(JsSet):
    size = None
