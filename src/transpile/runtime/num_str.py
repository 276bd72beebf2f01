# requires: float_str, null
def num_str(x):
    # JavaScript's Number::toString: integral values print without ".0", and the
    # switch to exponent notation happens at 1e21 and 1e-7 (Python: 1e16, 1e-4).
    if type(x) is int:
        if -9007199254740992 <= x <= 9007199254740992:
            return str(x)
        # Past 2^53 an int holds a double's exact value (js_int), which JavaScript prints
        # with the fewest digits that read back to it (121932631112635260, 1e+21): exact
        # for such a value, float() loses nothing.
        x = float(x)
    elif x is null:
        # JSON null where the type says number (`m.v` of `{"v": null}` given an interface).
        return "null"
    # Every other number takes a module of its own, loaded on a program's first such
    # number: a program that prints only integers never compiles it (heap and start-up).
    from _tsmp_float_str import float_str

    return float_str(x)
