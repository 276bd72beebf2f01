# requires: math
def js_math(f, x):
    # Math.sqrt, Math.log, Math.sin…: JavaScript answers NaN or ±Infinity where MicroPython's
    # math module raises (a negative square root, log of 0, sin of Infinity, exp overflow).
    try:
        return f(x)
    except (ValueError, OverflowError):
        if x != x:
            return x
        if f is math.exp:
            return float("inf")
        if x == 0:
            return float("-inf")
        return float("nan")
