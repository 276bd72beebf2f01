# requires: SuppressedError, js_caught
def js_dispose(stack, error=None):
    # The end of a block's `using` declarations (js_using): disposes of their values, last first,
    # each even when another raised. `error` is what the block raised: raised again when no
    # disposal raises. A disposal raising over an earlier error raises a SuppressedError holding
    # both, as JavaScript does; a generator closed early (GeneratorExit) is no error there.
    failed = error is not None and not isinstance(error, GeneratorExit)
    while stack:
        try:
            stack.pop()()
        except Exception as e:
            error = SuppressedError(js_caught(e), js_caught(error)) if failed else e
            failed = True
    if error is not None:
        raise error
