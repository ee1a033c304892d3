#!/usr/bin/env python3
"""Starts `PROGRAM play` in an 80x24 pseudo-terminal, waits for the game's first frame, presses Ctrl+Q and
checks the exit code is 0 (README: Ctrl+Q quits with exit 0). Prints the time from start to the first frame.
Every wait is bounded; on a timeout the child is killed by its process id and the script fails.
Usage: play_in_pty.py PROGRAM [ARGS...]"""
import fcntl, os, pty, select, signal, struct, sys, termios, time

TITLE = "The Little Red Dot".encode()
FRAME_TIMEOUT_S = 20
EXIT_TIMEOUT_S = 10


def read_until(fd, needle, deadline):
    seen = b""
    while time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.05)
        if ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                return seen, False
            if not chunk:
                return seen, False
            seen += chunk
            if needle in seen:
                return seen, True
    return seen, False


def main():
    argv = sys.argv[1:] + ["play"]
    start = time.monotonic()
    pid, fd = pty.fork()
    if pid == 0:
        os.environ["TERM"] = "xterm-256color"
        os.execv(argv[0], argv)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    seen, ok = read_until(fd, TITLE, start + FRAME_TIMEOUT_S)
    first_frame = time.monotonic() - start
    if not ok:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        sys.exit(f"play showed no frame within {FRAME_TIMEOUT_S} s; it printed: {seen[-400:]!r}")
    print(f"first frame after {first_frame * 1000:.0f} ms")
    os.write(fd, b"\x11")  # Ctrl+Q
    deadline = time.monotonic() + EXIT_TIMEOUT_S
    while time.monotonic() < deadline:
        read_until(fd, b"\x00never", time.monotonic() + 0.1)  # drain output so the child never blocks on writing
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            code = os.waitstatus_to_exitcode(status)
            if code != 0:
                sys.exit(f"play exited {code} after Ctrl+Q; expected 0")
            print("Ctrl+Q quit with exit 0")
            return
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    sys.exit(f"play did not exit within {EXIT_TIMEOUT_S} s of Ctrl+Q")


main()
