def arr_sort(a, compare):
    # sort(compare) must be stable and MicroPython's list.sort is not, and it has no
    # cmp_to_key: a bottom-up merge sort that calls compare(x, y) like JavaScript, which
    # puts undefined elements last without comparing them.
    src = [v for v in a if v is not None]
    n = len(src)
    undefined = len(a) - n
    dst = [None] * n
    width = 1
    while width < n:
        lo = 0
        while lo < n:
            mid = min(lo + width, n)
            hi = min(lo + 2 * width, n)
            i = lo
            j = mid
            k = lo
            while i < mid and j < hi:
                if compare(src[j], src[i]) < 0:
                    dst[k] = src[j]
                    j += 1
                else:
                    dst[k] = src[i]
                    i += 1
                k += 1
            while i < mid:
                dst[k] = src[i]
                i += 1
                k += 1
            while j < hi:
                dst[k] = src[j]
                j += 1
                k += 1
            lo = hi
        src, dst = dst, src
        width *= 2
    a[:] = src + [None] * undefined if undefined else src
    return a
