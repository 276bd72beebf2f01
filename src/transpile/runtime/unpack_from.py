from struct import unpack_from
