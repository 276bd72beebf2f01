# Runs in every fresh VM of the virtual board, after the board modules are installed and before
# boot.py, so that Python sees a board's filesystem. The firmware compiles it as
# "/.board/_vboard.py", whose traceback lines the board leaves out (this is C on a board), and
# runs it in globals of its own, so the REPL's namespace stays as clean as a board's.
def board_setup():
    import builtins, io, os, vfs, _vboard

    # The VM's own root holds Emscripten's /dev, /proc and /tmp; a board's root holds only its files.
    vfs.umount("/")
    vfs.mount(vfs.VfsPosix(_vboard.root), "/")
    os.chdir("/")

    # VfsPosix raises Emscripten's errno numbers; a board raises MicroPython's (those of the errno
    # module, which is what clients such as mpremote compare against). The board modules
    # (_board_os) translate them in os and open; the host's rename below needs the same table.
    from _board_os import board_errno

    # VfsPosix joins a path onto its root as text, so ".." would climb out of the flash into the
    # VM's own folders: paths are resolved here first, and ".." stops at the board's root.
    def inside_flash(function):
        def call(*args, **kwargs):
            if args and isinstance(args[0], str):
                args = (absolute(args[0]),) + args[1:]
            return function(*args, **kwargs)

        return call

    for name in ("chdir", "ilistdir", "listdir", "mkdir", "remove", "rmdir", "stat", "unlink"):
        setattr(os, name, inside_flash(getattr(os, name)))

    # VfsPosix.rename builds both paths in one shared buffer when mounted with a root, so the
    # second overwrites the first; the host renames inside the flash instead.
    def absolute(path):
        if not path.startswith("/"):
            path = os.getcwd().rstrip("/") + "/" + path
        parts = []
        for part in path.split("/"):
            if part == "..":
                if parts:
                    parts.pop()
            elif part and part != ".":
                parts.append(part)
        return "/" + "/".join(parts)

    def rename(old, new):
        error = _vboard.rename(absolute(old), absolute(new))
        if error:
            raise OSError(board_errno(error))

    os.rename = rename
    # Reading builtins.open gives the built-in one even once replaced, so io.open (the board
    # modules' open) is the one wrapped.
    builtins.open = io.open = inside_flash(io.open)

    # A board's ilistdir gives (name, type, inode, size); VfsPosix leaves out the size, which
    # clients such as mpremote's `fs ls` show.
    listed = os.ilistdir

    def ilistdir(path="."):
        for entry in listed(path):
            size = 0
            if entry[1] != 0x4000:
                size = os.stat(path.rstrip("/") + "/" + entry[0])[6]
            yield (entry[0], entry[1], entry[2], size)

    os.ilistdir = ilistdir

    # A board's flash is a couple of megabytes, not the host's disk.
    block = 4096
    blocks = _vboard.flash_size // block

    def statvfs(path):
        used = 0
        stack = ["/"]
        while stack:
            folder = stack.pop()
            for entry in os.ilistdir(folder):
                child = folder.rstrip("/") + "/" + entry[0]
                if entry[1] == 0x4000:
                    stack.append(child)
                used += 1 + entry[3] // block
        free = max(0, blocks - used)
        return (block, block, blocks, free, free, 0, 0, 0, 0, 255)

    os.statvfs = statvfs

    # input() reads the UART and echoes what it reads, as a board's readline does (the VM's
    # own would read the host process's stdin). As in shared/readline, "\r\n" is one newline.
    import sys

    last_newline = [0]

    def board_input(prompt=""):
        if prompt:
            print(prompt, end="")
        line = bytearray()
        while True:
            byte = _vboard.read_stdin()
            if byte is None:
                continue  # Ctrl-C: the KeyboardInterrupt is raised at this loop's next turn
            if byte in (10, 13):
                if last_newline[0] in (0, byte):
                    last_newline[0] = byte
                    # The "\n" of a "\r\n" already received is this newline's too (on a board the
                    # REPL's readline, which shares this state, would skip it).
                    if byte == 13:
                        _vboard.skip_received_lf()
                    print()
                    return line.decode()
                last_newline[0] = 0
                continue
            last_newline[0] = 0
            if byte in (8, 127):
                if line:
                    line = line[:-1]
                    print("\b \b", end="")
            elif byte == 4 and not line:
                raise EOFError
            elif byte >= 32:
                line.append(byte)
                sys.stdout.buffer.write(bytes((byte,)))

    builtins.input = board_input

    # Resets as a board does them: the firmware restarts the VM once the exception has unwound
    # whatever was running, and the next boot's machine.reset_cause() says why. A SystemExit
    # unwinds through the REPLs as well as through main.py; machine.reset() (mpremote's `reset`),
    # a starved watchdog and deep sleep (which raise _board.BoardReset) become hard resets.
    import machine, _board

    class BoardReset(SystemExit):
        def __init__(self, cause, down_ms=0):
            _vboard.request_hard_reset(cause, down_ms)
            super().__init__()

    _board.BoardReset = BoardReset

    def reset():
        raise BoardReset(machine.HARD_RESET)

    def soft_reset():
        raise SystemExit

    machine.reset = reset
    machine.soft_reset = soft_reset

board_setup()
