def to_uint32(x):
    # ToUint32, for >>> whose result is unsigned.
    if type(x) is not int:
        if x != x or x - x != 0:
            return 0
        x = int(x)
    return x & 0xFFFFFFFF
