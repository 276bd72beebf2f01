# requires: num_str, RangeError
def to_fixed(x, digits=0):
    # Number.prototype.toFixed: digits 0-100 (else RangeError), -0 prints unsigned, and from
    # 1e21 on JavaScript falls back to ToString.
    digits = int(digits or 0)
    if digits < 0 or digits > 100:
        raise RangeError("toFixed() digits argument must be between 0 and 100")
    if x != x:
        return "NaN"
    if x >= 1e21 or x <= -1e21:
        return num_str(x)
    if x == 0:
        x = 0
    return ("{:." + str(digits) + "f}").format(x)
