def is_integer(x):
    # Number.isInteger: a finite number with no fractional part.
    if type(x) is int:
        return True
    return type(x) is float and x == x and x - x == 0 and x == int(x)
