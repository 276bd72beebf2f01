# requires: TypedArray, ArrayBuffer, RangeError, typed_new
import struct


class TypedView:
    # A typed array over bytes it does not own (an Int16Array over an ArrayBuffer): MicroPython
    # has no memoryview of one element type over another object's memory, so elements are read
    # and written in place with struct, little-endian as JavaScript's typed arrays are on every
    # usual host. Mixed into a class deriving from the element type (Int16Array), so instanceof
    # and the element type's methods hold; its memoryview base covers exactly its bytes, which
    # is what a board function taking a buffer reads.

    def __len__(self):
        return self._n

    def _at(self, i):
        if i < 0:
            i += self._n
        if not 0 <= i < self._n:
            raise IndexError("index out of range")
        return self._off + i * self.BYTES_PER_ELEMENT

    def __getitem__(self, i):
        return struct.unpack_from(self._fmt, self._buf, self._at(i))[0]

    def __setitem__(self, i, v):
        struct.pack_into(self._fmt, self._buf, self._at(i), self._value(v))

    def __iter__(self):
        for i in range(self._n):
            yield struct.unpack_from(self._fmt, self._buf, self._off + i * self.BYTES_PER_ELEMENT)[0]

    def subarray(self, start=None, end=None):
        s, e = self._range(start, end)
        return typed_view(self._own, self._buf, self._off + s * self.BYTES_PER_ELEMENT, e - s)

    def slice(self, start=None, end=None):
        s, e = self._range(start, end)
        return typed_copy(self._own, [self[i] for i in range(s, e)])

    def set(self, source, offset=0):
        # Through a copy: the source may be another view of the same bytes.
        TypedArray.set(self, list(source), offset)

    def map(self, f, n=1):
        return typed_copy(self._own, [self._call(f, n, i) for i in range(self._n)])

    def filter(self, f, n=1):
        return typed_copy(self._own, [self[i] for i in range(self._n) if self._hits(f, n, i)])


_views = {}


def typed_view(cls, source=0, offset=0, length=None):
    # new Int16Array(buffer, byteOffset?, length?) with JavaScript's checks; any other source
    # is a new array of its own, as typed_new makes it.
    if not isinstance(source, ArrayBuffer) or cls._code == "B":
        return typed_new(cls, source, offset, length)
    size = cls.BYTES_PER_ELEMENT
    offset = int(offset)
    if offset % size:
        raise RangeError("start offset of " + cls.__name__ + " should be a multiple of " + str(size))
    if offset < 0 or offset > len(source):
        raise RangeError("Start offset " + str(offset) + " is outside the bounds of the buffer")
    if length is None:
        if len(source) % size:
            raise RangeError("byte length of " + cls.__name__ + " should be a multiple of " + str(size))
        length = (len(source) - offset) // size
    length = int(length)
    if length < 0 or offset + length * size > len(source):
        raise RangeError("Invalid typed array length: " + str(length))
    view = _views.get(cls)
    if view is None:
        view = _views[cls] = type(cls.__name__, (TypedView, cls), {"_own": cls, "_fmt": "<" + cls._code})
    out = view(memoryview(source)[offset : offset + length * size])
    out._buf = source
    out._off = offset
    out._n = length
    return out
