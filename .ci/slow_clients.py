"""Slow clients must not take the site down: open many connections that send one header line a second
(slowloris) and, meanwhile, time ordinary requests. Exits non-zero if any ordinary request takes over
MAX_SECONDS or fails. Usage: slow_clients.py HOST PORT [CONNECTIONS]"""

import socket
import sys
import threading
import time
import urllib.request

MAX_SECONDS = 2.0
DURATION = 8


def trickle(host, port, stop):
    try:
        connection = socket.create_connection((host, port), timeout=30)
        connection.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        while not stop.is_set():
            connection.sendall(b"X-Slow: a\r\n")  # never the blank line that ends the headers
            time.sleep(1)
    except OSError:
        pass  # the server closed the slow connection: that is what we want


def main(host, port, connections=8):
    stop = threading.Event()
    slow = [threading.Thread(target=trickle, args=(host, int(port), stop), daemon=True) for _ in range(int(connections))]
    for thread in slow:
        thread.start()
    time.sleep(2)  # let the slow clients occupy whatever they can
    timings, deadline = [], time.monotonic() + DURATION
    while time.monotonic() < deadline:
        started = time.monotonic()
        request = urllib.request.Request(f"http://{host}:{port}/healthz", headers={"X-Forwarded-Proto": "https"})
        with urllib.request.urlopen(request, timeout=10) as response:
            assert response.status == 200, response.status
        timings.append(time.monotonic() - started)
        time.sleep(0.2)
    stop.set()
    worst = max(timings)
    print(f"{len(timings)} requests beside {connections} slow clients: slowest {worst:.2f}s")
    if worst > MAX_SECONDS:
        sys.exit(f"an ordinary request took {worst:.2f}s beside slow clients (limit {MAX_SECONDS}s)")


if __name__ == "__main__":
    main(*sys.argv[1:])
