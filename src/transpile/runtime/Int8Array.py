# requires: TypedArray
class Int8Array(TypedArray):
    BYTES_PER_ELEMENT = 1
    _code = "b"
    _int = True
