# JavaScript's SuppressedError, as the end of a block's `using` declarations raises it
# (js_dispose): `error` is what a disposal threw, `suppressed` what was thrown before it.
class SuppressedError(Exception):
    def __init__(self, error, suppressed, message="An error was suppressed during disposal."):
        super().__init__(message)
        self.message = message
        self.error = error
        self.suppressed = suppressed
