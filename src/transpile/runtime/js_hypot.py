# requires: math
def js_hypot(*xs):
    # Math.hypot as V8 computes it: Infinity wins over NaN, the values are scaled by the largest
    # (no overflow for 1e200) and the squares summed with Kahan's compensation.
    xs = [abs(x) for x in xs]
    top = 0
    nan = False
    for x in xs:
        if x != x:
            nan = True
        elif x > top:
            top = x
    if top == float("inf"):
        return top
    if nan:
        return float("nan")
    if top == 0:
        return 0
    total = 0.0
    compensation = 0.0
    for x in xs:
        n = x / top
        summand = n * n - compensation
        preliminary = total + summand
        compensation = (preliminary - total) - summand
        total = preliminary
    return math.sqrt(total) * top
