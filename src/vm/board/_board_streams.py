# asyncio streams on the simulated board: the VM's PyScript asyncio has no Stream. Importing this
# gives asyncio one that behaves as MicroPython's extmod/asyncio Stream does: a task reading or
# writing parks in the board loop's IO queue (_board_asyncio) until the stream is ready, so
# `asyncio.StreamReader(uart)` streams over a UART as on a board.
import asyncio
from asyncio import core


class Stream:
    def __init__(self, s, e={}):
        self.s = s
        self.e = e
        self.out_buf = b""

    def get_extra_info(self, v):
        return self.e[v]

    def close(self):
        pass

    async def wait_closed(self):
        self.s.close()

    # async: a generator, so that it can park in the IO queue
    def read(self, n=-1):
        data = b""
        while True:
            yield core._io_queue.queue_read(self.s)
            chunk = self.s.read() if n < 0 else self.s.read(n)
            if chunk is None:
                continue
            if n >= 0:
                return chunk
            if not chunk:
                return data
            data += chunk

    # async: a generator, so that it can park in the IO queue
    def readinto(self, buf):
        yield core._io_queue.queue_read(self.s)
        return self.s.readinto(buf)

    # async: a generator, so that it can park in the IO queue
    def readexactly(self, n):
        data = b""
        while n:
            yield core._io_queue.queue_read(self.s)
            chunk = self.s.read(n)
            if chunk is None:
                continue
            if not chunk:
                raise EOFError
            data += chunk
            n -= len(chunk)
        return data

    # async: a generator, so that it can park in the IO queue
    def readline(self):
        line = b""
        while True:
            yield core._io_queue.queue_read(self.s)
            chunk = self.s.readline()
            if chunk is None:
                continue
            line += chunk
            if not chunk or line[-1] == 10:
                return line

    def write(self, buf):
        if not self.out_buf:
            written = self.s.write(buf)
            if written == len(buf):
                return
            if written is not None:
                buf = buf[written:]
        self.out_buf += buf

    # async: a generator, so that it can park in the IO queue
    def drain(self):
        if not self.out_buf:
            # Always yield, so a write + drain loop cannot starve the other tasks.
            return (yield from core.sleep_ms(0))
        pending = memoryview(self.out_buf)
        offset = 0
        while offset < len(pending):
            yield core._io_queue.queue_write(self.s)
            written = self.s.write(pending[offset:])
            if written is not None:
                offset += written
        self.out_buf = b""

    # Legacy uasyncio names.
    async def aclose(self):
        await self.wait_closed()

    async def awrite(self, buf, off=0, sz=-1):
        if off != 0 or sz != -1:
            buf = memoryview(buf)[off : len(buf) if sz == -1 else off + sz]
        self.write(buf)
        await self.drain()

    async def awritestr(self, buf, off=0, sz=-1):
        await self.awrite(buf.encode(), off, sz)


def _install():
    for module in (core, asyncio):
        module.Stream = Stream
        module.StreamReader = Stream
        module.StreamWriter = Stream


_install()
