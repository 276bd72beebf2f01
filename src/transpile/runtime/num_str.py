# requires: float_str
def num_str(x):
    # JavaScript's Number::toString: integral values print without ".0", and the
    # switch to exponent notation happens at 1e21 and 1e-7 (Python: 1e16, 1e-4).
    if type(x) is int:
        return str(x)
    # Every other number takes a module of its own, loaded on a program's first such
    # number: a program that prints only integers never compiles it (heap and start-up).
    from _tsmp_float_str import float_str

    return float_str(x)
