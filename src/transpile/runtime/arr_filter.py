# requires: js_truthy
def arr_filter(a, f, n):
    # filter keeps elements whose callback result is truthy in JavaScript's sense.
    out = []
    # Up to the length it started with, reading each element when it gets there (arr_for_each).
    for i in range(len(a)):
        if i >= len(a):
            break
        v = a[i]
        r = f(v) if n == 1 else f(v, i) if n == 2 else f(v, i, a) if n == 3 else f()
        if r is True or r is not False and js_truthy(r):
            out.append(v)
    return out
