# requires: ArrayBuffer, js_truthy, num_str, arr_sort, RangeError, js_index
import array


class TypedArray(memoryview):
    # The typed arrays are memoryviews over their storage (a bytearray ArrayBuffer for
    # Uint8Array, an array.array for the others), so indexing is native and a store wraps
    # to the element width as JavaScript's does. Views made by subarray() share it.
    # Subclasses set BYTES_PER_ELEMENT, _code (the array typecode) and _int. _shared is set
    # when the program reads the ArrayBuffer of a typed array other than a Uint8Array.
    _shared = False

    @property
    def length(self):
        return len(self)

    @property
    def byteLength(self):
        return len(self) * self.BYTES_PER_ELEMENT

    @property
    def byteOffset(self):
        return self._off

    @property
    def buffer(self):
        if self._buf is None:
            # Only a read through a value typed any gets here (typed_buffer.py).
            raise TypeError(type(self).__name__ + ".buffer read through a value typed any is not supported by tsmp: give the value its type")
        return self._buf

    def _value(self, v):
        # What a store of v keeps: integers wrap natively; fractions truncate.
        if self._int and type(v) is not int:
            return int(v) if v == v and v not in (float("inf"), float("-inf")) else 0
        return v

    def _range(self, start, end):
        n = len(self)
        # js_index: NaN is 0 and ±Infinity past either end, where int() raises.
        start = js_index(start)
        end = js_index(end, n)
        start = max(n + start, 0) if start < 0 else min(start, n)
        end = max(n + end, 0) if end < 0 else min(end, n)
        return start, max(start, end)

    def subarray(self, start=None, end=None):
        s, e = self._range(start, end)
        out = type(self)(memoryview(self)[s:e])
        out._buf = self._buf
        out._off = self._off + s * self.BYTES_PER_ELEMENT
        return out

    def slice(self, start=None, end=None):
        s, e = self._range(start, end)
        return typed_copy(type(self), memoryview(self)[s:e])

    def set(self, source, offset=0):
        offset = int(offset)
        if offset < 0 or offset + len(source) > len(self):
            raise RangeError("offset is out of bounds")
        if isinstance(source, TypedArray) and type(source) is type(self):
            memoryview(self)[offset : offset + len(source)] = memoryview(source)
            return
        if isinstance(source, TypedArray):
            # A view of another element type may share these bytes: read it whole first.
            source = list(source)
        for i in range(len(source)):
            self[offset + i] = self._value(source[i])

    def fill(self, value, start=None, end=None):
        s, e = self._range(start, end)
        v = self._value(value)
        for i in range(s, e):
            self[i] = v
        return self

    def at(self, i):
        i = int(i)
        n = len(self)
        if i < 0:
            i += n
        return self[i] if 0 <= i < n else None

    def indexOf(self, x, start=0):
        s, e = self._range(start, None)
        for i in range(s, e):
            if self[i] == x:
                return i
        return -1

    def lastIndexOf(self, x, start=None):
        n = len(self)
        k = js_index(start)
        i = n - 1 if start is None else (k + n if k < 0 else min(k, n - 1))
        while i >= 0:
            if self[i] == x:
                return i
            i -= 1
        return -1

    def includes(self, x, start=0):
        return self.indexOf(x, start) >= 0 or x != x and any(v != v for v in self)

    def _call(self, f, n, i):
        v = self[i]
        return f(v) if n == 1 else f(v, i) if n == 2 else f(v, i, self) if n == 3 else f()

    def _hits(self, f, n, i):
        r = self._call(f, n, i)
        return r is True or r is not False and js_truthy(r)

    def find(self, f, n=1):
        for i in range(len(self)):
            if self._hits(f, n, i):
                return self[i]
        return None

    def findIndex(self, f, n=1):
        for i in range(len(self)):
            if self._hits(f, n, i):
                return i
        return -1

    def findLast(self, f, n=1):
        for i in range(len(self) - 1, -1, -1):
            if self._hits(f, n, i):
                return self[i]
        return None

    def findLastIndex(self, f, n=1):
        for i in range(len(self) - 1, -1, -1):
            if self._hits(f, n, i):
                return i
        return -1

    def every(self, f, n=1):
        for i in range(len(self)):
            if not self._hits(f, n, i):
                return False
        return True

    def some(self, f, n=1):
        for i in range(len(self)):
            if self._hits(f, n, i):
                return True
        return False

    def forEach(self, f, n=1):
        for i in range(len(self)):
            self._call(f, n, i)

    def map(self, f, n=1):
        out = typed_copy(type(self), len(self))
        for i in range(len(self)):
            out[i] = out._value(self._call(f, n, i))
        return out

    def filter(self, f, n=1):
        return typed_copy(type(self), [self[i] for i in range(len(self)) if self._hits(f, n, i)])

    def reduce(self, f, n=2, *initial):
        i = 0
        if initial:
            acc = initial[0]
        elif len(self):
            acc = self[0]
            i = 1
        else:
            raise TypeError("Reduce of empty array with no initial value")
        while i < len(self):
            v = self[i]
            acc = f(acc, v) if n == 2 else f(acc, v, i) if n == 3 else f(acc, v, i, self) if n == 4 else f(acc)
            i += 1
        return acc

    def copyWithin(self, target, start=0, end=None):
        # Copies as if through a temporary: backwards when the ranges overlap forwards.
        t = self._range(target, None)[0]
        s, e = self._range(start, end)
        count = min(e - s, len(self) - t)
        order = range(count - 1, -1, -1) if s < t else range(count)
        for i in order:
            self[t + i] = self[s + i]
        return self

    def join(self, sep=","):
        return sep.join([num_str(v) for v in self])

    def toString(self):
        return self.join()

    def reverse(self):
        i = 0
        j = len(self) - 1
        while i < j:
            self[i], self[j] = self[j], self[i]
            i += 1
            j -= 1
        return self

    def sort(self, compare=None):
        items = list(self)
        if compare is None:
            # A float array sorts -0 before 0 and NaN last, as JavaScript's numeric order does.
            if self._code in "fd":
                items.sort(key=lambda v: (v != v, v, v == 0 and str(v)[0] != "-"))
            else:
                items.sort()
        else:
            items = arr_sort(items, compare)
        for i in range(len(items)):
            self[i] = items[i]
        return self


def typed_copy(cls, source):
    # A new typed array of cls owning its storage: a length, or values to convert.
    n = source if type(source) is int else len(source)
    if cls._code != "B" and TypedArray._shared:
        # Its buffer is an ArrayBuffer other views can share: a view over one (typed_view.py).
        out = typed_view(cls, ArrayBuffer(n * cls.BYTES_PER_ELEMENT))
        if type(source) is not int:
            for i in range(n):
                out[i] = source[i]
        return out
    store = ArrayBuffer(n) if cls._code == "B" else array.array(cls._code, bytes(n * cls.BYTES_PER_ELEMENT))
    out = cls(store)
    out._buf = store if cls._code == "B" else None
    out._off = 0
    if type(source) is not int:
        if type(source) is cls or cls._code == "B" and type(source) in (bytes, bytearray, memoryview):
            memoryview(out)[:] = memoryview(source) if isinstance(source, memoryview) else source
        else:
            for i in range(n):
                out[i] = out._value(source[i])
    return out
