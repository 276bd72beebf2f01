# requires: math
def js_max(*xs):
    # Math.max: any NaN gives NaN, +0 counts above -0, and no values give -Infinity (Python's
    # max compares NaN by argument order, ties the zeros and raises on nothing).
    top = -math.inf
    for x in xs:
        if x != x:
            return x
        if x > top or (x == 0 and top == 0 and math.copysign(1, top) < 0):
            top = x
    return top
