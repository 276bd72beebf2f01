def arr_index(i):
    # The index of an array element being written. A negative or fractional index names a
    # property in JavaScript (`a[-1] = v` makes "-1"), which a list cannot hold; Python would
    # count a negative one from the end and write another element.
    if type(i) is not int:
        if i != i or i - i != 0 or i != int(i):
            raise IndexError(str(i) + " is not an array index: a list holds no other properties")
        i = int(i)
    if i < 0:
        raise IndexError(str(i) + " is not an array index: a list holds no other properties")
    return i
