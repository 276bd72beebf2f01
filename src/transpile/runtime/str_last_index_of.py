def str_last_index_of(s, search, start=None):
    # lastIndexOf(search, from): the match may begin at from at the latest.
    if start is None:
        return s.rfind(search)
    return s.rfind(search, 0, max(int(start), 0) + len(search))
