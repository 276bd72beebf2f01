# requires: ArrayBuffer, RangeError
import struct


class DataView:
    # DataView over an ArrayBuffer (a bytearray): struct reads and writes the shared bytes in
    # place, big-endian unless littleEndian is true, as JavaScript does.
    _js_no_keys = True  # Object.keys and JSON.stringify see no properties (obj_items)
    def __init__(self, buffer, offset=0, length=None):
        if not isinstance(buffer, ArrayBuffer):
            raise TypeError("First argument to DataView constructor must be an ArrayBuffer")
        if length is None:
            length = len(buffer) - offset
        if offset < 0 or offset > len(buffer) or offset + length > len(buffer):
            raise RangeError("Start offset " + str(offset) + " is outside the bounds of the buffer")
        self.buffer = buffer
        self.byteOffset = offset
        self.byteLength = length

    def _at(self, i, size):
        if type(i) is not int:
            i = int(i)
        if i < 0 or i + size > self.byteLength:
            raise RangeError("Offset is outside the bounds of the DataView")
        return self.byteOffset + i

    def _wrapped(self, v, bits):
        return (v if type(v) is int else int(v) if v == v and v not in (float("inf"), float("-inf")) else 0) & bits

    def getInt8(self, i):
        return struct.unpack_from("b", self.buffer, self._at(i, 1))[0]

    def getUint8(self, i):
        return struct.unpack_from("B", self.buffer, self._at(i, 1))[0]

    def getInt16(self, i, little=False):
        return struct.unpack_from("<h" if little else ">h", self.buffer, self._at(i, 2))[0]

    def getUint16(self, i, little=False):
        return struct.unpack_from("<H" if little else ">H", self.buffer, self._at(i, 2))[0]

    def getInt32(self, i, little=False):
        return struct.unpack_from("<i" if little else ">i", self.buffer, self._at(i, 4))[0]

    def getUint32(self, i, little=False):
        return struct.unpack_from("<I" if little else ">I", self.buffer, self._at(i, 4))[0]

    def getFloat32(self, i, little=False):
        return struct.unpack_from("<f" if little else ">f", self.buffer, self._at(i, 4))[0]

    def getFloat64(self, i, little=False):
        return struct.unpack_from("<d" if little else ">d", self.buffer, self._at(i, 8))[0]

    def setInt8(self, i, v):
        struct.pack_into("B", self.buffer, self._at(i, 1), self._wrapped(v, 0xFF))

    def setUint8(self, i, v):
        struct.pack_into("B", self.buffer, self._at(i, 1), self._wrapped(v, 0xFF))

    def setInt16(self, i, v, little=False):
        struct.pack_into("<H" if little else ">H", self.buffer, self._at(i, 2), self._wrapped(v, 0xFFFF))

    def setUint16(self, i, v, little=False):
        struct.pack_into("<H" if little else ">H", self.buffer, self._at(i, 2), self._wrapped(v, 0xFFFF))

    def setInt32(self, i, v, little=False):
        struct.pack_into("<I" if little else ">I", self.buffer, self._at(i, 4), self._wrapped(v, 0xFFFFFFFF))

    def setUint32(self, i, v, little=False):
        struct.pack_into("<I" if little else ">I", self.buffer, self._at(i, 4), self._wrapped(v, 0xFFFFFFFF))

    def setFloat32(self, i, v, little=False):
        struct.pack_into("<f" if little else ">f", self.buffer, self._at(i, 4), v)

    def setFloat64(self, i, v, little=False):
        struct.pack_into("<d" if little else ">d", self.buffer, self._at(i, 8), v)
