def js_close(it):
    # for…of left (early or not) an iterator that may be a generator: JavaScript calls its
    # return(), which runs its `finally` blocks; a generator already done ignores it.
    close = getattr(it, "js_return", None)
    if close is not None:
        close()
