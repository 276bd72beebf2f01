# MicroPython's select.poll on the simulated board, for its sockets (socket.py): the host waits
# for their events. Sockets are kept in registration order, so results come in the order the
# Node shim gives them.
import _board
from socket import _call

POLLIN = 0x01
POLLOUT = 0x04
POLLERR = 0x08
POLLHUP = 0x10


class _Poll:
    def __init__(self):
        self._entries = []

    def _find(self, obj):
        for entry in self._entries:
            if entry[0] is obj:
                return entry
        return None

    def register(self, obj, eventmask=POLLIN | POLLOUT):
        entry = self._find(obj)
        if entry is None:
            self._entries.append([obj, eventmask])
        else:
            entry[1] = eventmask

    def unregister(self, obj):
        entry = self._find(obj)
        if entry is not None:
            self._entries.remove(entry)

    def modify(self, obj, eventmask):
        entry = self._find(obj)
        if entry is None:
            raise OSError(2)
        entry[1] = eventmask

    def _ready(self, timeout):
        entries = [[obj._id, mask] for obj, mask in self._entries]
        ready = _call("poll", entries=entries, waitMs=-1 if timeout is None or timeout < 0 else timeout)
        _board.check_interrupt()
        by_id = {obj._id: obj for obj, _ in self._entries}
        return [(by_id[id], events) for id, events in ready]

    def poll(self, timeout=-1):
        return self._ready(timeout)

    def ipoll(self, timeout=-1, flags=0):
        for obj, events in self._ready(timeout):
            if flags & 1:
                # One-shot: the object reports no more events until modify() re-arms it.
                self._find(obj)[1] = 0
            yield (obj, events)


def poll():
    return _Poll()
