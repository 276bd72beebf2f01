# requires: JsObject, OrderedDict
def obj_from(pairs, as_record=False):
    # An object built from (key, value) pairs in order: spreads and computed keys.
    o = OrderedDict() if as_record else JsObject()
    for k, v in pairs:
        o[k] = v
    return o
