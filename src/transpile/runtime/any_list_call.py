# requires: js_str, js_at, arr_index_of, arr_last_index_of, arr_join, arr_map, arr_filter, arr_some, arr_find, arr_for_each, arr_reduce, arr_sort, arr_sort_default, arr_splice, arr_concat, arr_fill, arr_flat, arr_unshift
def any_list_call(l, name, n, args):
    # An array method called on a value typed any that holds a list at run time; n is how
    # many of (value, index, array) the callback argument declares.
    a = args
    k = len(a)
    if name == "push":
        l.extend(a)
        return len(l)
    if name == "pop":
        return l.pop() if l else None
    if name == "shift":
        return l.pop(0) if l else None
    if name == "unshift":
        return arr_unshift(l, *a)
    if name == "map":
        return arr_map(l, a[0], n)
    if name == "filter":
        return arr_filter(l, a[0], n)
    if name == "forEach":
        return arr_for_each(l, a[0], n)
    if name == "some":
        return arr_some(l, a[0], n)
    if name == "every":
        return arr_some(l, a[0], n, True)
    if name == "find":
        return arr_find(l, a[0], n)
    if name == "findIndex":
        return arr_find(l, a[0], n, True)
    if name == "findLast":
        return arr_find(l, a[0], n, False, True)
    if name == "findLastIndex":
        return arr_find(l, a[0], n, True, True)
    if name == "reduce":
        return arr_reduce(l, a[0], n, a[1]) if k > 1 else arr_reduce(l, a[0], n)
    if name == "reduceRight":
        return arr_reduce(l, a[0], n, a[1], True) if k > 1 else arr_reduce(l, a[0], n, from_end=True)
    if name == "includes":
        return a[0] in l
    if name == "indexOf":
        return arr_index_of(l, *a)
    if name == "lastIndexOf":
        return arr_last_index_of(l, a[0])
    if name == "join":
        return arr_join(l, *a)
    if name == "slice":
        return l[int(a[0]) if k else 0 : int(a[1]) if k > 1 else len(l)]
    if name == "splice":
        return arr_splice(l, *a)
    if name == "concat":
        return arr_concat(l, *a)
    if name == "reverse":
        l.reverse()
        return l
    if name == "sort":
        if k and a[0] is not None:
            arr_sort(l, a[0])
        else:
            arr_sort_default(l)
        return l
    if name == "fill":
        return arr_fill(l, *a)
    if name == "flat":
        return arr_flat(l, *a)
    if name == "at":
        return js_at(l, *a)
    if name == "toString":
        return js_str(l)
    raise TypeError("a." + name + " is not a function")
