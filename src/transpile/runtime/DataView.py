# requires: ArrayBuffer
import struct


class DataView:
    # DataView over an ArrayBuffer (a bytearray): struct reads and writes the shared bytes in
    # place, big-endian unless littleEndian is true, as JavaScript does.
    def __init__(self, buffer, offset=0, length=None):
        if not isinstance(buffer, ArrayBuffer):
            raise TypeError("First argument to DataView constructor must be an ArrayBuffer")
        if length is None:
            length = len(buffer) - offset
        if offset < 0 or offset > len(buffer) or offset + length > len(buffer):
            raise ValueError("Start offset " + str(offset) + " is outside the bounds of the buffer")
        self.buffer = buffer
        self.byteOffset = offset
        self.byteLength = length

    def _at(self, i, size):
        i = int(i)
        if i < 0 or i + size > self.byteLength:
            raise ValueError("Offset is outside the bounds of the DataView")
        return self.byteOffset + i

    def _get(self, code, size, i, little):
        return struct.unpack_from(("<" if little else ">") + code, self.buffer, self._at(i, size))[0]

    def _set(self, code, size, i, v, little, bits):
        if bits:
            v = (v if type(v) is int else int(v) if v == v and v not in (float("inf"), float("-inf")) else 0) & bits
        struct.pack_into(("<" if little else ">") + code, self.buffer, self._at(i, size), v)

    def getInt8(self, i):
        return self._get("b", 1, i, False)

    def getUint8(self, i):
        return self._get("B", 1, i, False)

    def getInt16(self, i, little=False):
        return self._get("h", 2, i, little)

    def getUint16(self, i, little=False):
        return self._get("H", 2, i, little)

    def getInt32(self, i, little=False):
        return self._get("i", 4, i, little)

    def getUint32(self, i, little=False):
        return self._get("I", 4, i, little)

    def getFloat32(self, i, little=False):
        return self._get("f", 4, i, little)

    def getFloat64(self, i, little=False):
        return self._get("d", 8, i, little)

    def setInt8(self, i, v):
        self._set("B", 1, i, v, False, 0xFF)

    def setUint8(self, i, v):
        self._set("B", 1, i, v, False, 0xFF)

    def setInt16(self, i, v, little=False):
        self._set("H", 2, i, v, little, 0xFFFF)

    def setUint16(self, i, v, little=False):
        self._set("H", 2, i, v, little, 0xFFFF)

    def setInt32(self, i, v, little=False):
        self._set("I", 4, i, v, little, 0xFFFFFFFF)

    def setUint32(self, i, v, little=False):
        self._set("I", 4, i, v, little, 0xFFFFFFFF)

    def setFloat32(self, i, v, little=False):
        self._set("f", 4, i, v, little, 0)

    def setFloat64(self, i, v, little=False):
        self._set("d", 8, i, v, little, 0)
