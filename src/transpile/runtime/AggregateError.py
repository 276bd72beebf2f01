# JavaScript's AggregateError, as Promise.any rejects with it: `errors` holds every reason.
class AggregateError(Exception):
    def __init__(self, errors, message="All promises were rejected"):
        super().__init__(message)
        self.message = message
        self.errors = errors
