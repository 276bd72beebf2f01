# The names every object inherits from Object.prototype: `in` finds them on any object
# (`"toString" in {}` is true), Object.hasOwn and Object.keys do not.
obj_proto_keys = ("constructor", "hasOwnProperty", "isPrototypeOf", "propertyIsEnumerable", "toLocaleString", "toString", "valueOf", "__proto__", "__defineGetter__", "__defineSetter__", "__lookupGetter__", "__lookupSetter__")
