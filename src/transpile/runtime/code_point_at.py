# requires: char_code_at
def code_point_at(s, i=0):
    # codePointAt: charCodeAt's code, but undefined (not NaN) outside the string.
    c = char_code_at(s, i)
    return None if c != c else c
