# requires: js_index
def code_point_at(s, i=0):
    # codePointAt: undefined outside the string (charCodeAt's NaN is char_code_at's).
    i = js_index(i)
    if i >= 0:
        try:
            return ord(s[i])
        except IndexError:
            pass
    return None
