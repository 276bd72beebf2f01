# requires: js_truthy
def arr_some(a, f, n, every=False):
    # some / every, stopping at the first element that decides the answer.
    for i, v in enumerate(a):
        r = f(v) if n == 1 else f(v, i) if n == 2 else f(v, i, a) if n == 3 else f()
        hit = r is True or r is not False and js_truthy(r)
        if hit != every:
            return not every
    return every
