# requires: TypedArray
class Int16Array(TypedArray):
    BYTES_PER_ELEMENT = 2
    _code = "h"
    _int = True
