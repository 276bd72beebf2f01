# Runs in every fresh VM of the virtual board, after the board modules are installed and before
# boot.py: the VM's own root holds Emscripten's /dev, /proc and /tmp, a board's root only its
# files, so Python sees the board's flash as "/".
def _board_setup():
    import os, vfs, _vboard

    vfs.umount("/")
    vfs.mount(vfs.VfsPosix(_vboard.root), "/")
    os.chdir("/")


_board_setup()
del _board_setup
