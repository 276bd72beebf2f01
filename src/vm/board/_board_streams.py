# asyncio streams on the simulated board: the VM's PyScript asyncio has no Stream. Importing this
# gives asyncio one that behaves as MicroPython's extmod/asyncio Stream does: a task reading or
# writing parks in the board loop's IO queue (_board_asyncio) until the stream is ready, so
# `asyncio.StreamReader(uart)` streams over a UART as on a board, and open_connection and
# start_server stream over the board's sockets (socket.py), which reach real servers on the host.
import asyncio
from asyncio import core
import socket


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


_EISCONN = 106
_EINPROGRESS = 115


async def open_connection(host, port, ssl=None, server_hostname=None):
    # TLS is not simulated.
    if ssl:
        raise OSError(95)
    address = socket.getaddrinfo(host, port, 0, socket.SOCK_STREAM)[0][-1]
    s = socket.socket()
    s.setblocking(False)
    try:
        s.connect(address)
    except OSError as error:
        if error.errno != _EINPROGRESS:
            raise
    yield core._io_queue.queue_write(s)
    # Connecting again tells how it went: EISCONN once connected, the failure otherwise.
    try:
        s.connect(address)
    except OSError as error:
        if error.errno != _EISCONN:
            s.close()
            raise
    stream = Stream(s)
    return stream, stream


class Server:
    def __init__(self):
        self.task = None

    def close(self):
        self.task.cancel()

    async def wait_closed(self):
        await self.task

    async def _serve(self, s, cb):
        try:
            while True:
                yield core._io_queue.queue_read(s)
                try:
                    s2, address = s.accept()
                except OSError as error:
                    if error.errno == 11:
                        continue
                    raise
                s2.setblocking(False)
                stream = Stream(s2, {"peername": address})
                core.create_task(cb(stream, stream))
        except core.CancelledError:
            s.close()


async def start_server(cb, host, port, backlog=5, ssl=None):
    if ssl:
        raise OSError(95)
    address = socket.getaddrinfo(host, port)[0][-1]
    s = socket.socket()
    s.setblocking(False)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(address)
    s.listen(backlog)
    server = Server()
    server.task = core.create_task(server._serve(s, cb))
    await core.sleep_ms(0)
    return server


def _install():
    for module in (core, asyncio):
        module.Stream = Stream
        module.StreamReader = Stream
        module.StreamWriter = Stream
        module.open_connection = open_connection
        module.start_server = start_server
        module.Server = Server


_install()
