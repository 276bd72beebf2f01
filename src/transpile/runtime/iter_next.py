# `iterator.next()` on a generator or on another iterator (Map keys, Set values…): the
# {value, done} result JavaScript gives.
# requires: JsGenerator, JsObject
def iter_next(iterator, value=None):
    if isinstance(iterator, JsGenerator):
        return iterator.js_next(value)
    try:
        return JsObject("value", next(iterator), "done", False)
    except StopIteration:
        return JsObject("value", None, "done", True)
