# requires: TypedArray
class Uint8Array(TypedArray):
    BYTES_PER_ELEMENT = 1
    _code = "B"
    _int = True
