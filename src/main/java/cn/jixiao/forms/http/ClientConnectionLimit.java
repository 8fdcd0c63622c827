package cn.jixiao.forms.http;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.SocketChannelEndPoint;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At most so many open connections from one client (by IP address): a connection beyond that is closed as soon
 * as it opens, so one address cannot take all the connections the server allows (a trickle of header bytes keeps
 * a connection open for as long as the client likes) and leave none for the others. Jetty bounds only all
 * connections together ({@code NetworkConnectionLimit}); this counts them per address as they open and close.
 * Only the connection on the network socket counts, not one layered over it, and the address is remembered per
 * connection, as a closed socket no longer tells it. An address with no open connection is forgotten. The first
 * connection refused is logged, and the next only after the address has had none open.
 */
final class ClientConnectionLimit extends AbstractLifeCycle implements Connection.Listener {
    private static final Logger LOG = LoggerFactory.getLogger(ClientConnectionLimit.class);

    private final int maxPerClient;
    private final Server server;
    private final Map<Connection, InetAddress> clients = new ConcurrentHashMap<>();
    private final Map<InetAddress, Integer> open = new ConcurrentHashMap<>();
    private final Set<InetAddress> refused = ConcurrentHashMap.newKeySet();

    ClientConnectionLimit(int maxPerClient, Server server) {
        this.maxPerClient = maxPerClient;
        this.server = server;
    }

    /** Listens to the connectors the server has once it starts (they are added after it is configured). */
    @Override
    protected void doStart() {
        for (Connector connector : server.getConnectors()) {
            connector.addBean(this);
        }
    }

    @Override
    protected void doStop() {
        for (Connector connector : server.getConnectors()) {
            connector.removeBean(this);
        }
    }

    @Override
    public void onOpened(Connection connection) {
        if (!(connection.getEndPoint() instanceof SocketChannelEndPoint socket)
                || !(socket.getRemoteSocketAddress() instanceof InetSocketAddress remote)) {
            return;
        }
        InetAddress client = remote.getAddress();
        clients.put(connection, client);
        int count = open.merge(client, 1, Integer::sum);
        if (count > maxPerClient) {
            if (refused.add(client)) {
                LOG.warn("{} has {} connections open, the most one client may; its next ones are closed at once",
                        client.getHostAddress(), maxPerClient);
            }
            socket.close();
        }
    }

    @Override
    public void onClosed(Connection connection) {
        InetAddress client = clients.remove(connection);
        if (client != null) {
            open.computeIfPresent(client, (address, count) -> {
                if (count > 1) {
                    return count - 1;
                }
                refused.remove(address);
                return null;
            });
        }
    }
}
