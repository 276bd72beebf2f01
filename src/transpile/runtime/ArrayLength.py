# requires: RangeError
class ArrayLength:
    # `a.length` as an assignment target, written `ArrayLength(a)[0]` so that every form of
    # assignment (=, +=, ++, destructuring) reads and stores it like any subscript.
    def __init__(self, a):
        self.a = a

    def __getitem__(self, _):
        return len(self.a)

    def __setitem__(self, _, n):
        a = self.a
        if type(n) is not int:
            if n != n or n - n != 0 or n != int(n):
                raise RangeError("Invalid array length")
            n = int(n)
        if n < 0 or n > 0xFFFFFFFF:
            raise RangeError("Invalid array length")
        if n < len(a):
            del a[n:]
        else:
            # New slots are undefined (JavaScript's are holes: see docs/semantics.md).
            a.extend([None] * (n - len(a)))
