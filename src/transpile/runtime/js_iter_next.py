# requires: JsObject
def js_iter_next(it):
    # next() of a Map's or Set's iterator (a Python generator, live over JsEntries):
    # JavaScript's { value, done }. A finished generator stays finished, as the iterator does.
    try:
        return JsObject("value", next(it), "done", False)
    except StopIteration:
        return JsObject("value", None, "done", True)
