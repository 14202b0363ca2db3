package org.econlab.classroom;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The addresses of this machine a class can be served on, as the teacher's list shows them. */
final class ServerAddresses {

    private ServerAddresses() {
    }

    /**
     * The addresses of this machine's interfaces that are up, IPv4 first and the loopback last (reachable only from
     * this machine, for trying the page); never empty.
     */
    static List<ClassServer.Address> ofThisMachine() {
        List<ClassServer.Address> out = new ArrayList<>();
        List<ClassServer.Address> loop = new ArrayList<>();
        try {
            for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!ni.isUp()) {
                    continue;
                }
                for (InetAddress a : Collections.list(ni.getInetAddresses())) {
                    if (a.isLinkLocalAddress() || a.isMulticastAddress()) {
                        continue;
                    }
                    String label = a.getHostAddress().replaceAll("%.*$", "") + " (" + ni.getDisplayName() + ")";
                    if (a.isLoopbackAddress()) {
                        if (a instanceof Inet4Address) {
                            loop.add(new ClassServer.Address(label + " — this computer only", a));
                        }
                    } else if (a instanceof Inet4Address) {
                        out.add(0, new ClassServer.Address(label, a));
                    } else {
                        out.add(new ClassServer.Address(label, a));
                    }
                }
            }
        } catch (SocketException e) {
            // no interface list: the loopback below still works
        }
        if (loop.isEmpty()) {
            loop.add(new ClassServer.Address("127.0.0.1 — this computer only", InetAddress.getLoopbackAddress()));
        }
        out.addAll(loop);
        return out;
    }
}
