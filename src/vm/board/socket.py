# MicroPython's socket module on the simulated board: TCP sockets that reach real servers on
# the host. The host keeps the real sockets (src/net/); every call here is one request to it,
# answered when done, so blocking calls block as on a board and Ctrl-C still ends them.
import json
from binascii import hexlify
import _board
import _board_host

AF_INET = 2
AF_INET6 = 10
SOCK_STREAM = 1
SOCK_DGRAM = 2
SOCK_RAW = 3
IPPROTO_TCP = 6
IPPROTO_UDP = 17
SOL_SOCKET = 0xFFF
SO_REUSEADDR = 4


def _call(op, **args):
    args["op"] = op
    answer = _board_host.socket_call(json.dumps(args))
    tag = answer[0]
    if tag == "I":
        _board.check_interrupt()
    if tag == "E":
        raise OSError(int(answer[1:]))
    return json.loads(answer[1:]) if len(answer) > 1 else None


def getaddrinfo(host, port, af=0, type=0, proto=0, flags=0):
    return [(AF_INET, SOCK_STREAM, IPPROTO_TCP, "", (_call("lookup", host=host), port))]


class socket:
    def __init__(self, af=AF_INET, type=SOCK_STREAM, proto=0, _id=None):
        if type != SOCK_STREAM and type != SOCK_DGRAM:
            # TCP and UDP are simulated, raw sockets not.
            raise OSError(95)
        self._udp = type == SOCK_DGRAM
        self._id = _id if _id is not None else _call("create", kind="udp") if self._udp else _call("create")
        self._wait = -1

    def sendto(self, data, address):
        if type(data) is str:
            data = data.encode()
        return _call("sendto", id=self._id, data=hexlify(data).decode(), host=address[0], port=address[1])

    def recvfrom(self, bufsize):
        data, address = _call("recvfrom", id=self._id, n=bufsize, waitMs=self._wait)
        return bytes.fromhex(data), (address[0], address[1])

    def connect(self, address):
        _call("connect", id=self._id, host=address[0], port=address[1], waitMs=self._wait)

    def bind(self, address):
        _call("bind", id=self._id, host=address[0], port=address[1])

    def listen(self, backlog=5):
        pass

    def accept(self):
        accepted, address = _call("accept", id=self._id, waitMs=self._wait)
        return socket(_id=accepted), (address[0], address[1])

    def send(self, data):
        if type(data) is str:
            data = data.encode()
        return _call("send", id=self._id, data=hexlify(data).decode())

    def sendall(self, data):
        self.send(data)

    def write(self, data):
        return self.send(data)

    def _recv(self, n, mode):
        return bytes.fromhex(_call("recv", id=self._id, n=n, mode=mode, waitMs=self._wait))

    def recv(self, bufsize):
        if self._udp:
            return self.recvfrom(bufsize)[0]
        return self._recv(bufsize, "some")

    def _stream(self, n, mode):
        # Stream reads give None where a non-blocking socket would block, as MicroPython's do.
        try:
            return self._recv(n, mode if self._wait != 0 else "some" if mode == "all" else mode)
        except OSError as error:
            if error.errno == 11:
                return None
            raise

    def read(self, size=-1):
        return self._stream(size, "all")

    def readline(self):
        return self._stream(-1, "line")

    def readinto(self, buf, nbytes=-1):
        n = len(buf) if nbytes < 0 else min(nbytes, len(buf))
        data = self._stream(n, "some")
        if data is None:
            return None
        buf[: len(data)] = data
        return len(data)

    def _ready(self, writing):
        # asyncio's IO queue asks whether a task waiting on this socket can go on.
        return bool(_call("poll", entries=[[self._id, 4 if writing else 1]], waitMs=0))

    def makefile(self, mode="rb", buffering=0):
        return self

    def setblocking(self, flag):
        self._wait = -1 if flag else 0

    def settimeout(self, value):
        self._wait = -1 if value is None else 0 if value <= 0 else max(1, int(value * 1000))

    def setsockopt(self, level, optname, value):
        pass

    def close(self):
        _call("close", id=self._id)
