# NaN, made once: what a missing record key holds when a compound assignment reads it
# (`t[k] += 1` gives NaN in JavaScript, as undefined + 1 is).
js_nan = float("nan")
