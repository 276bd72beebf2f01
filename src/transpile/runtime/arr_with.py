# requires: RangeError, js_str
def arr_with(a, index, v):
    # with(): a copy with one element replaced; the index is truncated, counts from the end when
    # negative, and must land inside the array (RangeError otherwise, as in JavaScript).
    n = len(a)
    i = 0
    if index == index:
        if not -n - 1 < index < n:
            raise RangeError("Invalid index : " + js_str(index))
        i = int(index)
        if i < 0:
            i += n
        if i < 0:
            raise RangeError("Invalid index : " + js_str(index))
    c = list(a)
    c[i] = v
    return c
