# requires: TypedArray
class Uint16Array(TypedArray):
    BYTES_PER_ELEMENT = 2
    _code = "H"
    _int = True
