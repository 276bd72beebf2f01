# requires: TypedArray
class Uint8ClampedArray(TypedArray):
    # Bytes that clamp where a Uint8Array wraps: a store keeps 0 for anything below 0 (NaN
    # too), 255 for anything above, and rounds a fraction half to even, as JavaScript's
    # ToUint8Clamp does. Reads are the bytearray's own; every store passes through here.
    BYTES_PER_ELEMENT = 1
    _code = "B"
    _int = False

    def __setitem__(self, i, v):
        memoryview(self)[i] = 0 if not v > 0 else 255 if v >= 255 else v if type(v) is int else round(v)
