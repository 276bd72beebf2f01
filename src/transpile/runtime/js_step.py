# requires: js_iter_next
def js_step(it, *value):
    # next() of a value typed only as an iterator (Iterator, IterableIterator): a generator
    # (a JsGenerator, which takes the value in), a Python iterator (a Map's, a Set's), or an
    # object of the program's with a next() of its own. Asked of the instance, not its class:
    # MicroPython's generators answer __next__ only there, and a JsObject raises for names
    # starting with "_" (it answers undefined for any other absent property, js_next too).
    if hasattr(type(it), "js_next"):
        return it.js_next(*value)
    if hasattr(it, "__next__"):
        return js_iter_next(it)
    return it.next(*value)
