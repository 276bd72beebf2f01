class ArrayBuffer(bytearray):
    # An ArrayBuffer is the bytes views share: a bytearray, so a Uint8Array or a DataView
    # over it reads and writes the same memory natively.
    @property
    def byteLength(self):
        return len(self)

    def slice(self, start=0, end=None):
        n = len(self)
        start = max(n + start, 0) if start < 0 else min(start, n)
        end = n if end is None else max(n + end, 0) if end < 0 else min(end, n)
        out = ArrayBuffer(max(end - start, 0))
        out[:] = self[start : max(start, end)]
        return out
