# requires: TypedArray, RangeError
def typed_new(cls, source=0, offset=0, length=None):
    # new XArray(length | values | typedArray | iterable | buffer, byteOffset?, length?).
    if isinstance(source, ArrayBuffer):
        if cls._code != "B":
            raise TypeError(cls.__name__ + " over an ArrayBuffer is not supported by tsmp")
        end = len(source) if length is None else offset + length
        if offset > len(source) or end > len(source):
            raise RangeError("Invalid typed array length: " + str(length))
        out = cls(memoryview(source)[offset:end])
        out._buf = source
        out._off = offset
        return out
    if type(source) is float:
        source = int(source)
    if type(source) is not int and not isinstance(source, (list, tuple, bytes, bytearray, memoryview)):
        source = list(source)
    return typed_copy(cls, source)
