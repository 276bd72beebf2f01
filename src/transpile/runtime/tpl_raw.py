# A tagged template's strings array is a plain list of the cooked strings, built once per call
# site (a module constant). A list cannot hold JavaScript's `raw` attribute, so the raw strings
# are kept here by the list's identity: tpl_raw(strings, raw) records them and returns the list,
# tpl_raw(strings) is `strings.raw`. The constants live as long as their modules, so an id is
# never reused.
_raws = {}


def tpl_raw(strings, raw=None):
    if raw is None:
        return _raws[id(strings)]
    _raws[id(strings)] = raw
    return strings
