# requires: math
def js_log1p(x):
    # Math.log1p: MicroPython's math has no log1p, and log(1 + x) loses what rounding 1 + x
    # took away from x; that error, (u - 1) - x, is added back to first order.
    u = 1.0 + x
    if u == 1.0:
        return x
    if u <= 0:
        return float("-inf") if u == 0 else float("nan")
    if u - u != 0:
        return u
    return math.log(u) - ((u - 1.0) - x) / u
