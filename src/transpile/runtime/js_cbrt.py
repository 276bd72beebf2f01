def js_cbrt(x):
    # Math.cbrt of a negative number (x ** (1/3) would be complex or raise).
    r = abs(x) ** (1 / 3)
    n = round(r)
    if n ** 3 == abs(x):
        r = n
    return -r if x < 0 else r
