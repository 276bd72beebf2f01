# requires: ArrayBuffer, Uint8Array
def u8_of(data):
    # What a MicroPython function gave where the facade promises a Uint8Array (bytes, a
    # bytearray or a memoryview) becomes one over a copy, as JavaScript hands out a fresh
    # array. Built directly rather than through typed_new: this runs on every read.
    if data is None or isinstance(data, Uint8Array):
        return data
    store = ArrayBuffer(data)
    out = Uint8Array(store)
    out._buf = store
    out._off = 0
    return out
