# requires: TypedArray
class Uint32Array(TypedArray):
    BYTES_PER_ELEMENT = 4
    _code = "I"
    _int = True
