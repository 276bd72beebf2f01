# requires: TypedArray
class Float32Array(TypedArray):
    BYTES_PER_ELEMENT = 4
    _code = "f"
    _int = False
