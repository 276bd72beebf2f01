# requires: is_integer
def is_safe_integer(x):
    # Number.isSafeInteger: an integer from -(2 ** 53 - 1) to 2 ** 53 - 1.
    return is_integer(x) and -9007199254740991 <= x <= 9007199254740991
