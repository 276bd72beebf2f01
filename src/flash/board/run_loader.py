# Board-side module loader for `tsmp run --port`: the program's modules are defined from
# source in RAM and registered in sys.modules, so imports find them without any file on
# the board. Modules are sent in dependency order; packages get a placeholder module, and so
# does every module until it is defined (_tsmp_declare).
import sys


class _TsmpModule:
    # A defined module reads its attributes from its globals when they are read, as a module
    # object does: its functions assign them later (a `let` another module reads live as
    # `_live_m.counter`), and during an import cycle it has only the names defined so far.
    _tsmp_g = {}

    def __getattr__(self, name):
        try:
            return self._tsmp_g[name]
        except KeyError:
            raise AttributeError(name)


def _tsmp_package(name):
    m = sys.modules.get(name)
    if m is None:
        m = _TsmpModule()
        m.__name__ = name
        m.__path__ = name.replace(".", "/")
        sys.modules[name] = m
        if "." in name:
            outer, _, last = name.rpartition(".")
            setattr(_tsmp_package(outer), last, m)
    return m


def _tsmp_declare(names):
    # Every module is in sys.modules before any runs, as a module being imported is: a module
    # of an import cycle (`import * as b from "./b"` both ways) imports one not defined yet, whose
    # attributes its functions read once it is.
    for name in names:
        if name not in sys.modules:
            m = _TsmpModule()
            m.__name__ = name
            sys.modules[name] = m
            if "." in name:
                outer, _, last = name.rpartition(".")
                setattr(_tsmp_package(outer), last, m)


def _tsmp_define(name, source, filename):
    g = {"__name__": name}
    try:
        code = compile(source, filename, "exec")
    except NameError:
        # Ports built without compile() still have exec(); frames then say "<string>".
        code = source
    m = sys.modules.get(name)
    if m is None:
        m = _TsmpModule()
        sys.modules[name] = m
    m._tsmp_g = g
    if "." in name:
        outer, _, last = name.rpartition(".")
        setattr(_tsmp_package(outer), last, m)
    exec(code, g)
