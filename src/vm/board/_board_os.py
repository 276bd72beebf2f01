# `os`, `open` and `micropython` on the simulated board as a board has them. The VM's file system
# is Emscripten's, which raises OSError with WASI's errno numbers (ENOENT is 44); a board raises
# MicroPython's (ENOENT is 2), so every file operation translates them. The VM's port also lacks
# os.urandom, os.uname and micropython.alloc_emergency_exception_buf, which boards have.
import builtins
import io
import os
import sys
import micropython
import _board_host
from collections import namedtuple

# WASI errno → the number a board gives (MicroPython's, Linux's). Errors MicroPython's own VFS
# layer raises (EEXIST for mkdir("/"), EPERM for rmdir("/")) already carry the board's number;
# WASI's 1 and 17 never come from a file operation, so they are left as they are.
_BOARD_ERRNO = {
    63: 1,  # EPERM
    44: 2,  # ENOENT
    29: 5,  # EIO
    8: 9,  # EBADF
    6: 11,  # EAGAIN
    48: 12,  # ENOMEM
    2: 13,  # EACCES
    10: 16,  # EBUSY
    20: 17,  # EEXIST
    75: 18,  # EXDEV
    43: 19,  # ENODEV
    54: 20,  # ENOTDIR
    31: 21,  # EISDIR
    28: 22,  # EINVAL
    33: 24,  # EMFILE
    22: 27,  # EFBIG
    51: 28,  # ENOSPC
    69: 30,  # EROFS
    37: 36,  # ENAMETOOLONG
    55: 39,  # ENOTEMPTY
    32: 40,  # ELOOP
    58: 95,  # EOPNOTSUPP
    73: 110,  # ETIMEDOUT
}


def board_errno(number):
    return _BOARD_ERRNO.get(number, number)


def _board_numbers(operation):
    def translated(*args, **kwargs):
        try:
            return operation(*args, **kwargs)
        except OSError as error:
            number = error.errno
            if number in _BOARD_ERRNO:
                raise OSError(_BOARD_ERRNO[number]) from None
            raise

    return translated


for _name in ("listdir", "ilistdir", "stat", "statvfs", "mkdir", "rmdir", "remove", "unlink", "rename", "chdir", "getcwd"):
    setattr(os, _name, _board_numbers(getattr(os, _name)))
builtins.open = io.open = _board_numbers(io.open)


def urandom(n):
    # From the host's generator, as a board reads its hardware one: it leaves `random`'s sequence alone.
    return bytes.fromhex(_board_host.urandom(n))


_uname_result = namedtuple("uname_result", ("sysname", "nodename", "release", "version", "machine"))
_UNAME = _uname_result("webassembly", "webassembly", "1.27.0", "v1.27.0 on 2025-12-10", "JS with Emscripten")


def uname():
    return _UNAME


os.urandom = urandom
os.uname = uname


# The built-in `micropython` module cannot take new names, so the board's is a module of its
# own with everything the built-in one has, found first because it is in sys.modules.
class _Micropython:
    pass


_board_micropython = _Micropython()
for _name in dir(micropython):
    if not _name.startswith("__"):
        setattr(_board_micropython, _name, getattr(micropython, _name))


def alloc_emergency_exception_buf(size):
    # Exceptions in the simulated board's IRQ handlers are ordinary heap objects.
    pass


_board_micropython.alloc_emergency_exception_buf = alloc_emergency_exception_buf

# The WebAssembly VM waits for ever on the first allocation while its heap is locked, where a
# board raises MemoryError: the locks are counted and not enforced, as on Node.
_heap_locks = 0


def heap_lock():
    global _heap_locks
    _heap_locks += 1


def heap_unlock():
    global _heap_locks
    _heap_locks = max(0, _heap_locks - 1)
    return _heap_locks


_board_micropython.heap_lock = heap_lock
_board_micropython.heap_unlock = heap_unlock
sys.modules["micropython"] = _board_micropython
del _name
