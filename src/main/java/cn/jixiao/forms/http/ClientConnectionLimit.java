package cn.jixiao.forms.http;

import cn.jixiao.forms.Unavailable;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.SocketChannelEndPoint;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.Callback;
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
 * <p>
 * Past its share an address may have {@link #SPARE} connections more, each for {@code /healthz} and
 * {@code /metrics} only and closed {@link #SPARE_LIFETIME} after it opened, however it is used: a load balancer's
 * health check from a busy address (a proxy's) is still answered, while a client trickling heads gains no
 * lasting connection. Any other request on such a connection is 503 {@code overloaded} ({@link HealthOnly}).
 */
final class ClientConnectionLimit extends AbstractLifeCycle implements Connection.Listener {
    private static final Logger LOG = LoggerFactory.getLogger(ClientConnectionLimit.class);

    private final int maxPerClient;
    private final Server server;
    private final Map<Connection, InetAddress> clients = new ConcurrentHashMap<>();
    private final Map<InetAddress, Integer> open = new ConcurrentHashMap<>();
    private final Set<InetAddress> refused = ConcurrentHashMap.newKeySet();
    private final Set<Connection> spare = ConcurrentHashMap.newKeySet();
    static final int SPARE = 2;
    static final Duration SPARE_LIFETIME = Duration.ofSeconds(2);

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
        if (count > maxPerClient + SPARE) {
            if (refused.add(client)) {
                LOG.warn("{} has {} connections open, the most one client may; its next ones are closed at once",
                        client.getHostAddress(), maxPerClient);
            }
            socket.close();
        } else if (count > maxPerClient) {
            spare.add(connection);
            server.getScheduler().schedule(socket::close, SPARE_LIFETIME);
        }
    }

    @Override
    public void onClosed(Connection connection) {
        spare.remove(connection);
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

    /** Answers only health checks and scrapes on a connection past its address's share; 503 for anything else. */
    Handler.Wrapper healthOnly(Handler handler) {
        return new HealthOnly(handler);
    }

    private final class HealthOnly extends Handler.Wrapper {
        private final byte[] refusal = ErrorResponses.body(Unavailable.Kind.OVERLOADED.code(),
                "此地址打开的连接已达上限（JIXIAO_MAX_CONNECTIONS_PER_CLIENT）：请关闭一些连接后重试", List.of());

        HealthOnly(Handler handler) {
            super(handler);
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            if (!spare.contains(request.getConnectionMetaData().getConnection())
                    || Arrays.asList(ConnectionLimits.UNLIMITED_PATHS).contains(Request.getPathInContext(request))) {
                return super.handle(request, response, callback);
            }
            response.setStatus(503);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, Replies.JSON);
            response.getHeaders().put(HttpHeader.RETRY_AFTER, Long.toString(SPARE_LIFETIME.toSeconds()));
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
            response.write(true, ByteBuffer.wrap(refusal), callback);
            return true;
        }
    }
}
