# requires: arr_index
def arr_set(a, i, v):
    # `a[i] = v` where i may be the array's length or past it: JavaScript grows the array (the
    # holes read as undefined), Python's list raises IndexError.
    if type(i) is not int or i < 0:
        i = arr_index(i)
    n = len(a)
    if i >= n:
        if i > n:
            a.extend([None] * (i - n))
        a.append(v)
    else:
        a[i] = v
    return v
