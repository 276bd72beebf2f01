# requires: ArrayBuffer, Uint8Array
def u8_of(data):
    # What MicroPython gave where the facade promises a Uint8Array becomes one: bytes are
    # copied, as JavaScript hands out a fresh array; a bytearray the board keeps
    # (NeoPixel.buf) is viewed, so writes through the view reach it. Built directly rather
    # than through typed_new: this runs on every read.
    if data is None or isinstance(data, Uint8Array):
        return data
    store = data if type(data) is bytearray else ArrayBuffer(data)
    out = Uint8Array(store)
    out._buf = store
    out._off = 0
    return out
