# requires: js_truthy
def js_iterate(o):
    # `__iter__` of a class or object literal with a [Symbol.iterator]() method (_js_iterator):
    # what for…of, spread and Array.from call once before the first step. A generator (a
    # JsGenerator, a Map's iterator) is a Python iterator already; any other iterator is
    # walked by its next().
    it = o._js_iterator()
    if hasattr(it, "__next__"):
        return it
    if getattr(it, "return_", None) is not None:
        # JavaScript calls return() when a loop ends early; a Python loop cannot tell it.
        raise TypeError("tsmp: an iterator with return() cannot be iterated by for…of")
    return _js_steps(it)


def _js_steps(it):
    while True:
        step = it.next()
        if js_truthy(step.done):
            return
        yield step.value
