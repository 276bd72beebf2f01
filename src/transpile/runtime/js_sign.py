def js_sign(x):
    # Math.sign: -1, 0 or 1 (NaN stays NaN).
    if x != x:
        return x
    return (x > 0) - (x < 0)
