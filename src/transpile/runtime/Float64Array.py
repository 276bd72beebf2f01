# requires: TypedArray
class Float64Array(TypedArray):
    BYTES_PER_ELEMENT = 8
    _code = "d"
    _int = False
