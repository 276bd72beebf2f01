def js_cbrt(x):
    # Math.cbrt of a negative number (x ** (1/3) would be complex or raise). NaN, ±Infinity
    # and ±0 are their own cube roots (round() raises on the first two, and loses -0).
    if x != x or x - x != 0 or x == 0:
        return x
    r = abs(x) ** (1 / 3)
    n = round(r)
    if n ** 3 == abs(x):
        r = n
    return -r if x < 0 else r
