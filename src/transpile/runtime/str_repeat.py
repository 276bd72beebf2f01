# requires: num_str, RangeError, null
def str_repeat(s, count):
    # String.prototype.repeat: a negative or infinite count is a RangeError (Python's `*`
    # gives "" for it, or raises OverflowError); undefined and NaN count 0, a fraction its
    # integer part.
    if count is None or count is null or count != count:
        return ""
    if count < 0 or count - count != 0:
        raise RangeError("Invalid count value: " + num_str(count))
    return s * int(count)
