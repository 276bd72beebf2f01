# requires: JsThrown
def js_caught(error):
    # What `catch (e)` sees: the thrown value itself, unwrapped if it was not an Error.
    return error.value if isinstance(error, JsThrown) else error
