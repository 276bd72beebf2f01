# requires: math
def js_min(*xs):
    # Math.min: any NaN gives NaN, -0 counts below +0, and no values give Infinity.
    low = math.inf
    for x in xs:
        if x != x:
            return x
        if x < low or (x == 0 and low == 0 and math.copysign(1, x) < 0):
            low = x
    return low
