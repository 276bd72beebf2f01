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


def _tsmp_tidy(p, cut=None):
    # Leftovers of earlier runs: a new copy never renamed into place is dropped; a file a commit
    # set aside is put back when the commit died before installing its replacement. While a cut
    # short commit's journal is there, boot.py and main.py stay away: putting them back now would
    # let the board boot a mix of two builds; the next commit brings them back or replaces them.
    if cut is None:
        cut = _tsmp_exists(".tsmp-journal.json")
        _tsmp_rx_drop()
    for e in list(os.ilistdir(p) if p else os.ilistdir()):
        f = p + e[0]
        if e[1] & 0x4000:
            _tsmp_tidy(f + "/", cut)
        elif f.endswith(".tsmp-new"):
            os.remove(f)
        elif f.endswith(".tsmp-old"):
            if _tsmp_exists(f[:-9]):
                os.remove(f)
            elif not (cut and f in ("boot.py.tsmp-old", "main.py.tsmp-old")):
                os.rename(f, f[:-9])


def _tsmp_record_line(p):
    # The hash beside the bytes tells the host whether they were garbled on the way.
    try:
        with open(p, "rb") as f:
            return _tsmp_sha256(p) + " " + _tsmp_hex(f.read())
    except OSError:
        return "-"


def _tsmp_state():
    # What the host needs before a deploy, in one answer whose size does not grow with the
    # project: the manifest goes by its hash (the host keeps the bodies it has seen), and the
    # files it lists are checked here against it; only those that differ are named.
    _tsmp_tidy("")
    global _tsmp_known
    _tsmp_known = None
    try:
        s = os.statvfs(".")
        print(s[0], s[4])
    except (OSError, AttributeError):
        print(-1)
    m = ".tsmp-manifest.json"
    d = _tsmp_sha256(m)
    try:
        print(d, os.stat(m)[6])
    except OSError:
        print("-")
    print(_tsmp_record_line(".tsmp-journal.json"))
    try:
        bad, new = _tsmp_check(_tsmp_listed(m), d)
        # The count, and whether the seen record would learn files it cannot vouch for yet.
        print(len(bad), 1 if new else 0)
        for n in bad:
            print(_tsmp_hex(n.encode()))
    except Exception:
        print("?")


def _tsmp_stamp(n):
    # (size, mtime) of a file; None for a folder or nothing.
    try:
        s = os.stat(n)
    except OSError:
        return None
    return None if s[0] & 0x4000 else [s[6], s[8]]


def _tsmp_check(fs, d):
    # The files of manifest fs (sha256 d) that the board does not hold as listed. Hashing them
    # all grows with the project, so .tsmp-seen.json keeps, for manifest d, the (size, mtime) of
    # each file when its hash last matched: a file that still has them is taken as it was, the
    # others are hashed. A write changes the mtime, so what passes is what nobody rewrote since,
    # except an edit of the same size stamped with the same second. Stamps not older than the
    # record itself are hashed anyway (a write in the second the record was written would keep
    # them), which also covers ports that give every file one mtime or none (0). The record is
    # only a hint: missing, cut short, of another manifest or garbled, every file is hashed.
    global _tsmp_known
    import json

    try:
        u = os.stat(".tsmp-seen.json")[8]
        with open(".tsmp-seen.json", "rb") as f:
            r = json.loads(f.read())
        t = r["f"] if r["m"] == d and type(r["f"]) is dict else {}
    except Exception:
        u, t = 0, {}
    ok = {}
    bad = []
    new = 0
    for n in sorted(fs):
        e = _tsmp_stamp(n)
        if e and e[1] < u and t.get(n) == e:
            ok[n] = e
        elif _tsmp_sha256(n) == fs[n]:
            ok[n] = e
            new += 1
        else:
            bad.append(n)
    # What the commit builds the next record from: files checked against the manifest d.
    _tsmp_known = [d, ok]
    return bad, new


def _tsmp_seen(b, m, put=(), out=()):
    # Writes the record for the manifest of sha256 m: what _tsmp_check vouched for when it
    # checked manifest b (the one the commit started from), less the files the commit changed or
    # dropped (out), plus those it installed and read back (put: [name, stamp]). Failing to
    # write it only costs the next deploy a full check; a stale one is of another manifest, or
    # holds stamps the files no longer have.
    import json

    k = globals().get("_tsmp_known")
    try:
        t = dict(k[1]) if k and k[0] == b else {}
        for n in out:
            t.pop(n, None)
        for n, e in put:
            if e:
                t[n] = e
        with open(".tsmp-seen.json", "wb") as f:
            f.write(json.dumps({"m": m, "f": t}))
    except Exception:
        try:
            os.remove(".tsmp-seen.json")
        except OSError:
            pass


def _tsmp_listed(m):
    import json

    with open(m, "rb") as f:
        return json.loads(f.read())["body"]["files"]


def _tsmp_undo(n, h):
    # h: 2 = set aside for removal, 3 = a boot file set aside for the commit's length,
    # True = replaced an older file, False = a new file.
    try:
        if h == 2 or h == 3:
            if not _tsmp_exists(n):
                os.rename(n + ".tsmp-old", n)
            return
        if not _tsmp_exists(n + ".tsmp-new"):
            os.rename(n, n + ".tsmp-new")
        if h:
            os.rename(n + ".tsmp-old", n)
    except OSError:
        pass


def _tsmp_install(n, done):
    h = _tsmp_exists(n)
    if h:
        os.rename(n, n + ".tsmp-old")
    done.append((n, h))
    os.rename(n + ".tsmp-new", n)


def _tsmp_commit(j, d):
    # The journal goes first, so a commit cut short by a reset is known to the next flash.
    c = _tsmp_checked(j, d)
    with open(".tsmp-journal.json", "wb") as f:
        f.write(j)
    done = []
    # main.py (and boot.py when the build has one) are away while the others change and come
    # back last, so a board reset mid-commit boots no program rather than half of two (the next
    # flash finishes it). A boot.py of the user's own is not the build's and stays.
    boot = [
        n
        for n in ("boot.py", "main.py")
        if (n == "main.py" or c["boot"]) and (_tsmp_exists(n) or _tsmp_exists(n + ".tsmp-old"))
    ]
    try:
        for n in boot:
            if _tsmp_exists(n):
                os.rename(n, n + ".tsmp-old")
            done.append((n, 3))
        for n in c["put"]:
            if n not in ("boot.py", "main.py") and _tsmp_exists(n + ".tsmp-new"):
                _tsmp_install(n, done)
        for n in c["rm"]:
            if _tsmp_exists(n):
                os.rename(n, n + ".tsmp-old")
                done.append((n, 2))
        for n in ("boot.py", "main.py"):
            new = n in c["put"] and _tsmp_exists(n + ".tsmp-new")
            if n in boot:
                done.remove((n, 3))
                if not new:
                    os.rename(n + ".tsmp-old", n)
                    continue
            elif not new:
                continue
            done.append((n, n in boot))
            os.rename(n + ".tsmp-new", n)
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
    # The report covers what the commit touched; the files it left were checked by _tsmp_state.
    # It is one line, whatever the number of files: the sha256 of each file's sha256 (read back
    # from the flash) and of 0/1 for each removed file still there, a line each.
    import hashlib

    ok = True
    g = hashlib.sha256()
    p = []
    for n in c["put"]:
        h = _tsmp_sha256(n)
        ok = ok and h == c["files"][n]
        g.update(h.encode() + b"\n")
        p.append((n, _tsmp_stamp(n)))
    for n in c["rm"]:
        e = _tsmp_exists(n)
        ok = ok and not e
        g.update(b"1\n" if e else b"0\n")
    print(_tsmp_hex(g.digest()))
    # Only a confirmed commit brings the manifest up to date, from the one it was planned on.
    r = _tsmp_remanifest(c) if ok else "-"
    if r != "-":
        _tsmp_seen(c["base"], r, p, c["drop"] + c["rm"] + list(c["set"]))
    print(r)


def _tsmp_remanifest(c):
    m = ".tsmp-manifest.json"
    try:
        fs = _tsmp_listed(m) if c["base"] else {}
    except (OSError, ValueError, KeyError):
        return "-"
    if c["base"] and _tsmp_sha256(m) != c["base"]:
        return "-"
    for n in c["drop"]:
        fs.pop(n, None)
    fs.update(c["set"])
    # The text JSON.stringify gives on the host, so both sides agree on its hash.
    q = lambda t: '"' + t.replace("\\", "\\\\").replace('"', '\\"') + '"'
    b = '{"tsmp":2,"files":{' + ",".join(q(n) + ":" + q(fs[n]) for n in sorted(fs)) + "}}"
    import hashlib

    b = b.encode()
    try:
        _tsmp_store(b'{"sha256":"' + _tsmp_hex(hashlib.sha256(b).digest()).encode() + b'","body":' + b + b"}")
    except OSError:
        # The host then writes the manifest itself, and reports what stops it.
        return "-"
    return _tsmp_sha256(m)


def _tsmp_sizes(*paths):
    for p in paths:
        try:
            print(os.stat(p)[6])
        except OSError:
            print(-1)


def _tsmp_make_room(j, d):
    # Too full for old and new copies side by side: the old copies of the files this build
    # replaces or drops go first. main.py (and the build's boot.py) stay away until the commit,
    # as in _tsmp_commit, so the board never boots the half-replaced program.
    c = _tsmp_checked(j, d)
    with open(".tsmp-journal.json", "wb") as f:
        f.write(j)
    for n in ("boot.py", "main.py"):
        if (n == "main.py" or c["boot"]) and _tsmp_exists(n):
            os.rename(n, n + ".tsmp-old")
    for n in c["put"] + c["rm"]:
        for p in (n, n + ".tsmp-old"):
            if _tsmp_exists(p):
                os.remove(p)


def _tsmp_record(m, d):
    _tsmp_checked(m, d)
    _tsmp_store(m)
    print(_tsmp_sha256(".tsmp-manifest.json"))


def _tsmp_store(m):
    t = ".tsmp-manifest.json.tsmp-new"
    with open(t, "wb") as f:
        f.write(m)
    os.rename(t, ".tsmp-manifest.json")
    try:
        os.remove(".tsmp-journal.json")
    except OSError:
        pass


def _tsmp_rx_open(w, t):
    # One deflate stream (window w bits) carries every file an upload sends, so what the files
    # share (imports, helper names, look-alike modules) crosses the line once. It starts with a
    # JSON table of t bytes, [[path, size], ...]; the files follow in its order. Pieces arrive
    # one exec each (_tsmp_rx); the host ends each piece with a sync flush, so the bytes it asks
    # to decode have all arrived. Globals outlive an exec: the decoder keeps its history.
    global _tsmp_rxs
    import io

    s = io.BytesIO()
    # source, bytes of it not yet read, decoder, table (its length until read), next file,
    # bytes left of the open file, the open file, its hash
    _tsmp_rxs = [s, 0, deflate.DeflateIO(s, deflate.RAW, w), t, 0, 0, None, None]


def _tsmp_rx(b, n):
    # Adds a piece (base64) behind what is left unread, and writes the next n bytes of the stream
    # to <path>.tsmp-new. Prints how many files this completed and the sha256 of their sha256s in
    # order, each hashed as it was written: one line, whatever the number of files.
    import hashlib, json

    r = _tsmp_rxs
    s = r[0]
    rest = s.read(r[1])
    s.seek(0)
    s.write(rest)
    s.write(a2b_base64(b))
    r[1] = s.tell()
    s.seek(0)
    o = bytearray(512)
    done = hashlib.sha256()
    c = 0
    try:
        if type(r[3]) is int:
            t = r[2].read(r[3])
            n -= len(t)
            r[3] = json.loads(t)
        fs = r[3]
        while True:
            if r[6] is None:
                if r[4] >= len(fs) or (n == 0 and fs[r[4]][1] > 0):
                    break
                p, r[5] = fs[r[4]]
                r[4] += 1
                j = p.rfind("/")
                if j > 0:
                    _tsmp_mkdirs(p[:j])
                r[6] = open(p + ".tsmp-new", "wb")
                r[7] = hashlib.sha256()
            if r[5] == 0:
                r[6].close()
                r[6] = None
                done.update(r[7].digest())
                c += 1
                continue
            k = min(n, r[5], 512)
            if k == 0:
                break
            m = memoryview(o)[:k]
            if r[2].readinto(m) != k:
                raise ValueError("tsmp: the stream ended early")
            r[6].write(m)
            r[7].update(m)
            n -= k
            r[5] -= k
        r[1] -= s.tell()
    except:
        _tsmp_rx_drop()
        raise
    if r[4] >= len(fs) and r[6] is None:
        _tsmp_rx_drop()
    print(c, _tsmp_hex(done.digest()))


def _tsmp_rx_drop():
    # A stream cut short (a garbled piece, a stop, a lost link) leaves no file open behind it.
    global _tsmp_rxs
    r = globals().get("_tsmp_rxs")
    if r and r[6]:
        r[6].close()
    _tsmp_rxs = None
