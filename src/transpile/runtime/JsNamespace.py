# A namespace's object (`namespace NS { … }`): an object literal whose functions and classes
# are listed when it is printed, as Node lists them (an object literal's methods are not).
# requires: JsObject
class JsNamespace(JsObject):
    pass
