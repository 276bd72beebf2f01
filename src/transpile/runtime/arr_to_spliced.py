# requires: arr_splice
def arr_to_spliced(a, *args):
    # toSpliced(): splice on a copy, which is the result (no arguments: a plain copy).
    c = list(a)
    if args:
        arr_splice(c, *args)
    return c
