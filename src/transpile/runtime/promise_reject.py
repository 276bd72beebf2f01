# `await Promise.reject(reason)`: the awaiting function throws the reason.
# requires: js_throwable
def promise_reject(reason):
    raise js_throwable(reason)
