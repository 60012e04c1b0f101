"""A TCP link between the site and one of its dependencies that a test can break on purpose."""

import socket
import threading

FORWARD, REFUSE, HANG = "forward", "refuse", "hang"


class FaultyLink:
    """Listens on a local port and passes connections to a real server (FORWARD); or refuses them, as a
    server that is down (REFUSE); or accepts them and never answers, as a server that hangs (HANG).
    Changing the mode cuts the connections already open, as a restarting or dying server would."""

    def __init__(self, target_port, target_host="127.0.0.1"):
        self.target = (target_host, target_port)
        self.mode = FORWARD
        self.port = self._free_port()
        self._sockets, self._lock, self._listener = [], threading.Lock(), None
        self._listen()

    @staticmethod
    def _free_port():
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            return probe.getsockname()[1]

    def _listen(self):
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(64)
        self._listener = listener
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()

    def set(self, mode):
        self._cut_open_connections()
        if mode == REFUSE and self._listener is not None:
            try:
                self._listener.shutdown(socket.SHUT_RDWR)  # wakes the accepting thread; close alone would not
            except OSError:
                pass
            self._listener.close()
            self._listener = None
        elif mode != REFUSE and self._listener is None:
            self._listen()
        self.mode = mode

    def _cut_open_connections(self):
        with self._lock:
            for sock in self._sockets:
                try:
                    sock.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
                sock.close()
            self._sockets = []

    def _accept(self, listener):
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return  # the listener was closed (REFUSE)
            with self._lock:
                self._sockets.append(client)
            if self.mode == FORWARD:
                try:
                    server = socket.create_connection(self.target, timeout=5)
                    server.settimeout(None)
                except OSError:
                    client.close()
                    continue
                with self._lock:
                    self._sockets.append(server)
                threading.Thread(target=self._pipe, args=(client, server), daemon=True).start()
                threading.Thread(target=self._pipe, args=(server, client), daemon=True).start()
            # HANG: keep the connection open and say nothing

    @staticmethod
    def _pipe(source, destination):
        try:
            while data := source.recv(65536):
                destination.sendall(data)
        except OSError:
            pass
        finally:
            for sock in (source, destination):
                try:
                    sock.close()
                except OSError:
                    pass

    def close(self):
        self.set(REFUSE)
