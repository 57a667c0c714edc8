"""Loaded by every Python process the no-network test starts (it puts this folder first on
PYTHONPATH, so worker processes are covered too). Any attempt to use the network is written
to the file named by CASECODER_NETWORK_LOG and refused."""

import os
import socket
import sys

_LOG = os.environ.get("CASECODER_NETWORK_LOG")
_NETWORK_FAMILIES = {socket.AF_INET, socket.AF_INET6, -1}
_EVENTS = {"socket.connect", "socket.bind", "socket.sendto", "socket.sendmsg",
           "socket.getaddrinfo", "socket.gethostbyname", "socket.gethostbyaddr",
           "socket.getnameinfo", "urllib.Request", "http.client.connect",
           "ftplib.connect", "smtplib.connect"}


def _is_network(event: str, args: tuple) -> bool:
    if event == "socket.__new__":
        return args[1] in _NETWORK_FAMILIES
    if event in ("socket.connect", "socket.bind"):
        return not isinstance(args[1], str | bytes)  # AF_UNIX paths are local
    return event in _EVENTS


def _refuse_network(event: str, args: tuple) -> None:
    if _LOG and _is_network(event, args):
        with open(_LOG, "a", encoding="utf-8") as log:
            log.write(f"{os.getpid()} {event} {args!r}\n")
        raise OSError(f"network use refused in the offline test: {event}")


sys.addaudithook(_refuse_network)
