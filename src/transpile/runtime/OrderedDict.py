# Records (string-keyed objects) keep insertion order as in JavaScript; a plain
# MicroPython dict does not.
from collections import OrderedDict
