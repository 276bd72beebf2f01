# requires: num_str
def to_fixed(x, digits=0):
    # Number.prototype.toFixed: -0 prints unsigned, and from 1e21 on JavaScript
    # falls back to ToString.
    if x != x:
        return "NaN"
    if x >= 1e21 or x <= -1e21:
        return num_str(x)
    if x == 0:
        x = 0
    return ("{:." + str(digits) + "f}").format(x)
