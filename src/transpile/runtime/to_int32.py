def to_int32(x):
    # ToInt32: bitwise operators see their operands as 32-bit two's complement.
    if type(x) is not int:
        # NaN, ±Infinity and undefined (an array's hole, an element past its end) are 0.
        if x is None or x != x or x - x != 0:
            return 0
        x = int(x)
    x &= 0xFFFFFFFF
    return x - 0x100000000 if x & 0x80000000 else x
