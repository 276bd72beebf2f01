# requires: to_uint32
def js_clz32(x):
    # Math.clz32: leading zero bits of ToUint32(x).
    n = to_uint32(x)
    z = 32
    while n:
        n >>= 1
        z -= 1
    return z
