# The names every object inherits from Object.prototype: `in` finds them on any object
# (`"toString" in {}` is true), Object.hasOwn and Object.keys do not. A set: a record's
# `k in r` looks here on every miss, and a set is hashed (a tuple compares each name).
obj_proto_keys = {"constructor", "hasOwnProperty", "isPrototypeOf", "propertyIsEnumerable", "toLocaleString", "toString", "valueOf", "__proto__", "__defineGetter__", "__defineSetter__", "__lookupGetter__", "__lookupSetter__"}
