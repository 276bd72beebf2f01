# Board-side steps of `tsmp flash` (src/flash/deploy.ts). A list of names arrives as JSON bytes
# with its sha256 beside it, checked before anything is touched: a byte garbled on the line
# makes a step refuse to run instead of renaming or removing the wrong file.


def _tsmp_exists(p):
    try:
        os.stat(p)
        return True
    except OSError:
        return False


def _tsmp_checked(j, d):
    import hashlib, json

    if _tsmp_hex(hashlib.sha256(j).digest()) != d:
        raise ValueError("tsmp: garbled on the line")
    return json.loads(j)["body"]


def _tsmp_tidy(p):
    # Leftovers of earlier runs: a new copy never renamed into place is dropped; a file a commit
    # set aside is put back when the commit died before installing its replacement.
    for e in list(os.ilistdir(p) if p else os.ilistdir()):
        f = p + e[0]
        if e[1] & 0x4000:
            _tsmp_tidy(f + "/")
        elif f.endswith(".tsmp-new"):
            os.remove(f)
        elif f.endswith(".tsmp-old"):
            if _tsmp_exists(f[:-9]):
                os.remove(f)
            else:
                os.rename(f, f[:-9])


def _tsmp_record_line(p):
    # The hash beside the bytes tells the host whether they were garbled on the way.
    try:
        with open(p, "rb") as f:
            return _tsmp_sha256(p) + " " + _tsmp_hex(f.read())
    except OSError:
        return "-"


def _tsmp_state():
    _tsmp_tidy("")
    try:
        s = os.statvfs(".")
        print(s[0] * s[4])
    except (OSError, AttributeError):
        print(-1)
    print(_tsmp_record_line(".tsmp-manifest.json"))
    print(_tsmp_record_line(".tsmp-journal.json"))


def _tsmp_undo(n, h):
    # h: 2 = set aside for removal, True = replaced an older file, False = a new file.
    try:
        if h == 2:
            os.rename(n + ".tsmp-old", n)
            return
        if not _tsmp_exists(n + ".tsmp-new"):
            os.rename(n, n + ".tsmp-new")
        if h:
            os.rename(n + ".tsmp-old", n)
    except OSError:
        pass


def _tsmp_commit(j, d):
    # The journal goes first, so a commit cut short by a reset is known to the next flash.
    c = _tsmp_checked(j, d)
    with open(".tsmp-journal.json", "wb") as f:
        f.write(j)
    done = []
    try:
        for n in c["put"]:
            if not _tsmp_exists(n + ".tsmp-new"):
                continue
            h = _tsmp_exists(n)
            if h:
                os.rename(n, n + ".tsmp-old")
            done.append((n, h))
            os.rename(n + ".tsmp-new", n)
        for n in c["rm"]:
            if _tsmp_exists(n):
                os.rename(n, n + ".tsmp-old")
                done.append((n, 2))
    except OSError:
        # Renames cost no space and undo in reverse: the board keeps the previous program whole.
        for n, h in reversed(done):
            _tsmp_undo(n, h)
        raise
    for n, h in done:
        if h:
            try:
                os.remove(n + ".tsmp-old")
            except OSError:
                pass
    for n in c["all"]:
        print(_tsmp_sha256(n))
    for n in c["rm"]:
        print(int(_tsmp_exists(n)))


def _tsmp_record(m, d):
    _tsmp_checked(m, d)
    t = ".tsmp-manifest.json.tsmp-new"
    with open(t, "wb") as f:
        f.write(m)
    os.rename(t, ".tsmp-manifest.json")
    try:
        os.remove(".tsmp-journal.json")
    except OSError:
        pass
    print(_tsmp_sha256(".tsmp-manifest.json"))
