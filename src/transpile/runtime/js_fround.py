import struct
def js_fround(x):
    # Math.fround: the nearest 32-bit float, read back as a double.
    return struct.unpack("f", struct.pack("f", x))[0]
