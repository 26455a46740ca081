#!/usr/bin/env python3
"""Runs a command in a pseudo-terminal of a given size for tests and the benchmark.

Usage: pty-run.py COLS ROWS -- COMMAND [ARGS...]
stdin:  one JSON object per line: {"write": "<base64>"}, {"signal": "TERM"}, {"resize": [cols, rows]},
        {"query": true} (report the terminal's modes and whether the program is stopped),
        {"hangup": true} (close the terminal, as when its window is closed)
stdout: the raw bytes the program writes to its terminal
stderr: JSON lines: first {"pid", "forked"}; for each query {"query": {"echo", "icanon", "stopped"}};
        at the end {"exit": code|null, "signal": n|null, "echo": bool, "icanon": bool, "ended": ns,
        "lastWrite": ns, "leftScreen": ns} (echo/icanon: whether the terminal was left in cooked mode;
        leftScreen: when the program last left the alternate screen; times are
        CLOCK_MONOTONIC, as Node's process.hrtime)
"""
import base64, fcntl, json, os, pty, select, signal, struct, sys, termios, time

def set_size(fd, cols, rows):
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))

def main():
    cols, rows = int(sys.argv[1]), int(sys.argv[2])
    command = sys.argv[sys.argv.index("--") + 1:]
    # Wake select() as soon as the child exits, so exit times are exact.
    wake_r, wake_w = os.pipe()
    os.set_blocking(wake_w, False)
    signal.set_wakeup_fd(wake_w)
    signal.signal(signal.SIGCHLD, lambda *_: None)
    forked = time.monotonic_ns()
    pid, master = pty.fork()
    if pid == 0:
        os.execvp(command[0], command)
    # The child's pid and when it was started (CLOCK_MONOTONIC, as Node's process.hrtime).
    sys.stderr.write(json.dumps({"pid": pid, "forked": forked}) + "\n")
    sys.stderr.flush()
    set_size(master, cols, rows)
    os.kill(pid, signal.SIGWINCH)
    stdin = sys.stdin.buffer.raw if hasattr(sys.stdin.buffer, "raw") else sys.stdin.buffer
    out = sys.stdout.buffer
    pending = b""
    last_write = None
    left_screen = None
    hung_up = False
    status = None
    ended = None
    stdin_open = True
    modes = None
    while True:
        fds = ([] if hung_up else [master]) + [wake_r] + ([stdin] if stdin_open else [])
        ready, _, _ = select.select(fds, [], [], 0.05)
        if wake_r in ready:
            os.read(wake_r, 512)
        if master in ready:
            try:
                data = os.read(master, 65536)
            except OSError:
                data = b""
            if data:
                if b"\x1b[?1049l" in data:
                    left_screen = time.monotonic_ns()
                out.write(data)
                out.flush()
            elif status is not None:
                break
        if stdin_open and stdin in ready:
            chunk = os.read(stdin.fileno(), 65536)
            if not chunk:
                # Whoever drives us is gone (or done): end the program rather than orphan it.
                stdin_open = False
                if status is None:
                    try:
                        os.kill(pid, signal.SIGHUP)
                    except ProcessLookupError:
                        pass
            pending += chunk
            while b"\n" in pending:
                line, pending = pending.split(b"\n", 1)
                if not line.strip():
                    continue
                msg = json.loads(line)
                if "write" in msg:
                    os.write(master, base64.b64decode(msg["write"]))
                    last_write = time.monotonic_ns()
                elif "query" in msg:
                    attrs = termios.tcgetattr(master)
                    stopped = False
                    if status is None:
                        done, st = os.waitpid(pid, os.WNOHANG | os.WUNTRACED)
                        if done and os.WIFSTOPPED(st):
                            stopped = True
                        elif done:
                            ended = time.monotonic_ns()
                            status = st
                    sys.stderr.write(json.dumps({"query": {"echo": bool(attrs[3] & termios.ECHO), "icanon": bool(attrs[3] & termios.ICANON), "stopped": stopped}}) + "\n")
                    sys.stderr.flush()
                elif "hangup" in msg:
                    modes = {"echo": None, "icanon": None}
                    os.close(master)
                    hung_up = True
                elif "signal" in msg:
                    os.kill(pid, getattr(signal, "SIG" + msg["signal"]))
                elif "resize" in msg:
                    set_size(master, msg["resize"][0], msg["resize"][1])
                    os.kill(pid, signal.SIGWINCH)
        if status is None:
            done, st = os.waitpid(pid, os.WNOHANG)
            if done and not (os.WIFEXITED(st) or os.WIFSIGNALED(st)):
                done = 0
            if done:
                ended = time.monotonic_ns()
                status = st
                if hung_up:
                    break
                try:
                    attrs = termios.tcgetattr(master)
                    modes = {"echo": bool(attrs[3] & termios.ECHO), "icanon": bool(attrs[3] & termios.ICANON)}
                except termios.error:
                    modes = {"echo": None, "icanon": None}
                # Drain what is left, then stop.
                ready, _, _ = select.select([master], [], [], 0.2)
                if not ready:
                    break
    code = os.WEXITSTATUS(status) if os.WIFEXITED(status) else None
    sig = os.WTERMSIG(status) if os.WIFSIGNALED(status) else None
    sys.stderr.write(json.dumps({"exit": code, "signal": sig, "ended": ended, "lastWrite": last_write, "leftScreen": left_screen, **(modes or {})}) + "\n")

main()
