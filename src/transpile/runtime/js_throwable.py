# requires: JsThrown
def js_throwable(value):
    # What `throw value` raises: an exception as it is, any other value wrapped.
    return value if isinstance(value, BaseException) else JsThrown(value)
