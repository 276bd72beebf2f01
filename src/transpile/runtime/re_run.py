# A JavaScript regular expression compiled by tsmp (src/transpile/regex/compile.ts), run by
# backtracking as JavaScript runs it: alternatives and quantifiers in JavaScript's order,
# captures reset at each iteration, an empty iteration refused. `t` is the text as a sequence
# of code points (bytes for ASCII text: indexing a str is O(n) on MicroPython). The stack holds
# pairs: (position, pc) to resume at, or (old value, ~slot) to undo a capture on the way back.
# Opcodes: 0 char c | 1 literal bytes | 2 any but a line terminator | 3 any | 4 set ranges negated
# | 5 split first second | 6 jump to | 7 save slot | 8 ^ | 9 $ | 10 ^ (m) | 11 $ (m) | 12 \b
# | 13 \B | 14 backreference group | 15 lookahead negated end | 16 match | 17 reset from to
# | 18 mark register | 19 check register | 20 greedy min max opcode a b next (one character,
# repeated; `next`, when not -1, is the character that must follow, so only its places are kept)
def re_run(c, t, i, caps, pc=0, search=False):
    # At i, or (search) at the first position from i on where the pattern matches.
    n = len(t)
    caps[0] = i
    stack = []
    while True:
        o = c[pc]
        if o == 0:
            if i < n and t[i] == c[pc + 1]:
                i += 1
                pc += 2
                continue
        elif o == 1:
            s = c[pc + 1]
            if type(t) is bytes:
                if t.startswith(s, i):
                    i += len(s)
                    pc += 2
                    continue
            elif t[i : i + len(s)] == list(s):
                i += len(s)
                pc += 2
                continue
        elif o == 20:
            m = c[pc + 2]
            e = n if m < 0 or i + m > n else i + m
            k = c[pc + 3]
            a = c[pc + 4]
            j = i
            if k == 0:
                while j < e and t[j] == a:
                    j += 1
            elif k == 4:
                g = c[pc + 5]
                r = len(a)
                while j < e:
                    h = t[j]
                    q = 0
                    while q < r:
                        if a[q] <= h <= a[q + 1]:
                            break
                        q += 2
                    if (q < r) == g:
                        break
                    j += 1
            elif k == 2:
                while j < e and t[j] not in (10, 13, 0x2028, 0x2029):
                    j += 1
            else:
                j = e
            m = i + c[pc + 1]
            if j >= m:
                x = c[pc + 6]
                pc += 7
                while m < j:
                    if x < 0 or t[m] == x:
                        stack.append(m)
                        stack.append(pc)
                    m += 1
                i = j
                continue
        elif o == 4:
            if i < n:
                h = t[i]
                a = c[pc + 1]
                r = len(a)
                q = 0
                while q < r:
                    if a[q] <= h <= a[q + 1]:
                        break
                    q += 2
                if (q < r) != c[pc + 2]:
                    i += 1
                    pc += 3
                    continue
        elif o == 7:
            s = c[pc + 1]
            stack.append(caps[s])
            stack.append(~s)
            caps[s] = i
            pc += 2
            continue
        elif o == 5:
            stack.append(i)
            stack.append(c[pc + 2])
            pc = c[pc + 1]
            continue
        elif o == 6:
            pc = c[pc + 1]
            continue
        elif o == 16:
            caps[1] = i
            return caps
        elif o == 18:
            s = c[pc + 1]
            stack.append(caps[s])
            stack.append(~s)
            caps[s] = i
            pc += 2
            continue
        elif o == 19:
            if caps[c[pc + 1]] != i:
                pc += 2
                continue
        elif o == 17:
            s = c[pc + 1]
            while s < c[pc + 2]:
                stack.append(caps[s])
                stack.append(~s)
                caps[s] = -1
                s += 1
            pc += 3
            continue
        elif o == 2:
            if i < n and t[i] not in (10, 13, 0x2028, 0x2029):
                i += 1
                pc += 1
                continue
        elif o == 3:
            if i < n:
                i += 1
                pc += 1
                continue
        elif o == 8:
            if i == 0:
                pc += 1
                continue
        elif o == 9:
            if i == n:
                pc += 1
                continue
        elif o == 10:
            if i == 0 or t[i - 1] in (10, 13, 0x2028, 0x2029):
                pc += 1
                continue
        elif o == 11:
            if i == n or t[i] in (10, 13, 0x2028, 0x2029):
                pc += 1
                continue
        elif o == 12 or o == 13:
            w = i > 0 and re_word(t[i - 1])
            if (w != (i < n and re_word(t[i]))) == (o == 12):
                pc += 1
                continue
        elif o == 14:
            s = 2 * c[pc + 1]
            a = caps[s]
            b = caps[s + 1]
            if a < 0 or b < 0:
                pc += 2
                continue
            if t[i : i + b - a] == t[a:b]:
                i += b - a
                pc += 2
                continue
        elif o == 15:
            inner = re_run(c, t, i, caps[:], pc + 3)
            if c[pc + 1]:
                if inner is None:
                    pc = c[pc + 2]
                    continue
            elif inner is not None:
                # JavaScript keeps what a lookahead captured; its position is not consumed.
                s = 2
                while s < len(caps):
                    if inner[s] != caps[s]:
                        stack.append(caps[s])
                        stack.append(~s)
                        caps[s] = inner[s]
                    s += 1
                pc = c[pc + 2]
                continue
        # No match here: back to the last choice, undoing captures made since.
        while True:
            if not stack:
                if search and caps[0] < n:
                    i = caps[0] + 1
                    caps[0] = i
                    pc = 0
                    break
                return None
            pc = stack.pop()
            if pc >= 0:
                i = stack.pop()
                break
            caps[~pc] = stack.pop()


def re_word(h):
    return 48 <= h <= 57 or 65 <= h <= 90 or h == 95 or 97 <= h <= 122
