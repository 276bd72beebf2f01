def js_whole(f, x):
    # Math.floor/ceil/trunc: NaN and ±Infinity come back unchanged in JavaScript, while
    # math.floor and friends raise on them (they return ints).
    if x - x == 0:
        return f(x)
    return x
