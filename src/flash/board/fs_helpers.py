# Board-side helpers for tsmp's filesystem commands, sent once per raw-REPL session.
# Names and paths arrive as str values built from bytes literals; names go back hex-encoded
# so any character survives the trip. 0x4000 is the directory bit of st_mode.
import os

try:
    # Uploads travel deflate-compressed when the port has the deflate module (1.21+). The host
    # picks the window (w, in bits) from the free heap this preamble reports: 1 KiB by default.
    import deflate, io
    from binascii import a2b_base64

    def _tsmp_inflate(b, w=10):
        return deflate.DeflateIO(io.BytesIO(a2b_base64(b)), deflate.RAW, w).read()

except ImportError:
    pass


def _tsmp_hex(b):
    return "".join("%02x" % c for c in b)


def _tsmp_isdir(p):
    return os.stat(p)[0] & 0x4000


def _tsmp_mkdirs(p):
    d = "/" if p.startswith("/") else ""
    for part in p.split("/"):
        if not part:
            continue
        d = d + part if d in ("", "/") else d + "/" + part
        try:
            os.mkdir(d)
        except OSError:
            # Errno numbers differ between ports (EEXIST is 17 on boards, 20 under Emscripten).
            if not _tsmp_isdir(d):
                raise


def _tsmp_sha256(p):
    # A folder has no hash: some ports open one and fail only on reading it.
    try:
        if _tsmp_isdir(p):
            return "-"
        f = open(p, "rb")
    except OSError:
        return "-"
    import hashlib

    h = hashlib.sha256()
    b = bytearray(4096)
    m = memoryview(b)
    with f:
        while True:
            n = f.readinto(b)
            if not n:
                break
            h.update(m[:n])
    return _tsmp_hex(h.digest())


def _tsmp_sha256s(*paths):
    for p in paths:
        print(_tsmp_sha256(p))


def _tsmp_lstat(p):
    # An explicit ENOENT: errno numbers differ between ports and some print no name for them.
    try:
        return os.stat(p)
    except OSError:
        raise OSError("ENOENT")


def _tsmp_ls(p):
    here = p in ("", ".")
    if not here and not _tsmp_lstat(p)[0] & 0x4000:
        print("f", os.stat(p)[6], _tsmp_hex(p.split("/")[-1].encode()))
        return
    for e in os.ilistdir() if here else os.ilistdir(p):
        full = e[0] if here else p.rstrip("/") + "/" + e[0]
        isdir = e[1] & 0x4000
        size = 0 if isdir else (e[3] if len(e) > 3 and e[3] >= 0 else os.stat(full)[6])
        print("d" if isdir else "f", size, _tsmp_hex(e[0].encode()))


def _tsmp_stat(p):
    try:
        st = os.stat(p)
    except OSError:
        print("-")
        return
    print("d" if st[0] & 0x4000 else "f", st[6])


def _tsmp_rm(p, recursive):
    if _tsmp_lstat(p)[0] & 0x4000:
        entries = list(os.ilistdir(p))
        if entries and not recursive:
            raise OSError("ENOTEMPTY")
        for e in entries:
            _tsmp_rm(p.rstrip("/") + "/" + e[0], True)
        os.rmdir(p)
    else:
        os.remove(p)


def _tsmp_cat(p, at, n):
    # One piece of a file per call: the answer, and the board's heap for it, stay small however
    # big the file is. Prints the base64 of up to n bytes from offset `at`.
    from binascii import b2a_base64

    _tsmp_lstat(p)
    with open(p, "rb") as f:
        f.seek(at)
        while n > 0:
            b = f.read(min(n, 768))
            if not b:
                break
            n -= len(b)
            print(b2a_base64(b).decode(), end="")
