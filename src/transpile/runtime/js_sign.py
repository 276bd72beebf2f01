def js_sign(x):
    # Math.sign: -1 or 1; NaN and both zeros (-0.0 keeps its sign) are returned as they are.
    if x != x or x == 0:
        return x
    return (x > 0) - (x < 0)
