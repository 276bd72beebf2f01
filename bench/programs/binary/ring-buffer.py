class Ring:
    def __init__(self):
        self.data = bytearray(256)
        self.head = 0
        self.tail = 0
        self.size = 0

    def put(self, byte):
        if self.size == 256:
            return False
        self.data[self.head] = byte
        self.head = (self.head + 1) & 255
        self.size += 1
        return True

    def take(self):
        byte = self.data[self.tail]
        self.tail = (self.tail + 1) & 255
        self.size -= 1
        return byte


ring = Ring()
total = 0
dropped = 0
for i in range(200000):
    if not ring.put(i & 255):
        dropped += 1
    if i % 3 == 0:
        while ring.size > 0:
            total += ring.take()
print(total, dropped, ring.size)
