def js_item(a, i):
    # The element a destructuring pattern reads: undefined past the end.
    return a[i] if i < len(a) else None
