# requires: math
def js_math_special(f, x):
    # Math.sinh, cosh, acosh, atanh, expm1 (math's special functions, absent from small ports):
    # MicroPython raises a domain error where JavaScript answers NaN or ±Infinity, overflow included.
    try:
        return f(x)
    except (ValueError, OverflowError):
        if x != x or f is math.acosh:
            return float("nan")
        if f is math.atanh:
            return math.copysign(float("inf"), x) if abs(x) == 1 else float("nan")
        if f is math.sinh:
            return math.copysign(float("inf"), x)
        return float("inf")
