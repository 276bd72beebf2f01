# requires: TypedArray
class Int32Array(TypedArray):
    BYTES_PER_ELEMENT = 4
    _code = "i"
    _int = True
