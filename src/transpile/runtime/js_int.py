def js_int(v):
    # An integer past 2^53 rounded as JavaScript's double holds it: to 53 significant bits,
    # ties to even, Infinity past the largest double. Pure int arithmetic: MicroPython's
    # float() of a long int is not always correctly rounded.
    if type(v) is not int or -9007199254740992 <= v <= 9007199254740992:
        return v
    a = -v if v < 0 else v
    # s: the bits below the 53 kept ones (the bit length minus 53), counted on the small part.
    s = 1
    t = a >> 54
    while t:
        t >>= 1
        s += 1
    q = a >> s
    r = a - (q << s)
    h = 1 << (s - 1)
    if r > h or r == h and q & 1:
        q += 1
    a = q << s
    if a >> 1024:
        a = float("inf")
    return -a if v < 0 else a
