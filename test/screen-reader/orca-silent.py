# Runs Debian's Orca unchanged but for two things, both about where its output goes:
#
# - its --debug-file is opened line-buffered. Orca opens it with Python's default block
#   buffering, so what it has just said reaches the file only once some kilobytes more have been
#   written (or never, when it is stopped): a test waiting for a key's effect would wait for the
#   next event instead.
# - it finds no speech server. With speech-dispatcher installed (Debian's orca recommends it)
#   but no sound device, Orca blocks in its first call to speak and presents nothing more. Without
#   one it presents exactly the same utterances, and logs each as `SPEECH OUTPUT: '...'`.
import builtins
import runpy
import sys

ORCA = "/usr/bin/orca"
debug_file = next(
    (arg.split("=", 1)[1] for arg in sys.argv[1:] if arg.startswith("--debug-file=")), None
)
_open = builtins.open


def _open_line_buffered(file, mode="r", buffering=-1, *args, **kwargs):
    if file == debug_file and "w" in mode:
        buffering = 1
    return _open(file, mode, buffering, *args, **kwargs)


builtins.open = _open_line_buffered
sys.modules["speechd"] = None  # `import speechd` raises ImportError: no speech server
sys.argv = [ORCA, *sys.argv[1:]]
runpy.run_path(ORCA, run_name="__main__")
