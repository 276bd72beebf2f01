# `neopixel` on the simulated board: the strip's bytes as MicroPython's driver keeps them, and
# write() reports each pixel's colour (0xRRGGBB) as an output, `NeoPixel(Pin(5))[0]`.
import _board


class NeoPixel:
    ORDER = (1, 0, 2, 3)

    def __init__(self, pin, n, bpp=3, timing=1):
        self.pin = pin
        self.n = n
        self.bpp = bpp
        self.timing = timing
        self.buf = bytearray(n * bpp)

    def __len__(self):
        return self.n

    def __setitem__(self, i, v):
        offset = i * self.bpp
        for channel in range(self.bpp):
            self.buf[offset + self.ORDER[channel]] = v[channel]

    def __getitem__(self, i):
        offset = i * self.bpp
        return tuple(self.buf[offset + self.ORDER[channel]] for channel in range(self.bpp))

    def fill(self, v):
        for i in range(self.n):
            self[i] = v

    def write(self):
        for i in range(self.n):
            pixel = self[i]
            _board.report("NeoPixel(%r)[%d]" % (self.pin, i), (pixel[0] << 16) | (pixel[1] << 8) | pixel[2])
