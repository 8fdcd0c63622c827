package cn.jixiao.forms.http;

import cn.jixiao.forms.Config;
import io.javalin.config.JavalinConfig;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.MinimumDataRateHandler;
import org.eclipse.jetty.server.handler.ThreadLimitHandler;
import org.eclipse.jetty.util.component.LifeCycle;

/**
 * What clients may hold of the server, so that slow or greedy ones cannot starve the rest: a body must keep
 * arriving at a minimum rate (a trickle of bytes is cut off with 408), a silent connection is closed, one
 * client (by IP address) has at most a few requests handled at once while its others wait without holding
 * a thread, one client has at most so many connections open ({@link ClientConnectionLimit}) and all clients
 * together are bounded too. Jetty has no bound on the time a request head may take to arrive, as long as
 * bytes keep coming: the bound on one client's connections is what keeps such heads from starving the
 * others. {@code /healthz} and {@code /metrics} are outside the per-client limits (the request limit, and a
 * connection or two past the connection limit), so that a load balancer's health check from a busy address is
 * answered at once. Every request passes the {@link RequestLog} first; failures before any route are answered by
 * {@link JsonErrorHandler}.
 */
final class ConnectionLimits {
    /** Answered at once, outside the per-client limits: they take no render slot and almost no time. */
    static final String[] UNLIMITED_PATHS = {"/healthz", "/metrics"};

    /** The listen backlog: the kernel bounds it further by net.core.somaxconn. */
    private static final int ACCEPT_QUEUE = 1024;

    private ConnectionLimits() {
    }

    static void apply(JavalinConfig javalin, Config.Connections limits, RequestLog log) {
        javalin.jetty.modifyHttpConfiguration(http -> {
            http.setIdleTimeout(limits.idleTimeout().toMillis());
        });
        javalin.jetty.modifyServer(server -> {
            ThreadLimitHandler perClient = new ThreadLimitHandler(null, false);
            perClient.setThreadLimit(limits.threadsPerClient());
            // A health check or a scrape never waits behind its address's other requests (a proxy's, a busy client's).
            perClient.excludePath(UNLIMITED_PATHS);
            // A body arriving slower than the operator allows fails its read, which the routes answer with 408.
            perClient.setHandler(new MinimumDataRateHandler(new RequestIdInLog(server.getHandler()),
                    limits.minUploadBytesPerSecond(), 0));
            ClientConnectionLimit perClientConnections = new ClientConnectionLimit(limits.maxConnectionsPerClient(), server);
            log.setHandler(perClientConnections.healthOnly(new ServerOptions(perClient)));
            server.setHandler(log);
            server.addBean(new NetworkConnectionLimit(limits.maxConnections(), server));
            server.addBean(perClientConnections);
            server.setErrorHandler(new JsonErrorHandler());
            server.addEventListener(new LifeCycle.Listener() {
                @Override
                public void lifeCycleStarting(LifeCycle event) {
                    acceptQueues(server);
                }
            });
        });
    }

    /**
     * Connections waiting to be accepted: room for as many as all clients together may hold, so that a burst of
     * them (hundreds of slow clients, say) does not leave a new one unanswered in the kernel's short default queue
     * while the acceptor waits for a core.
     */
    private static void acceptQueues(Server server) {
        for (Connector connector : server.getConnectors()) {
            if (connector instanceof ServerConnector network && network.getAcceptQueueSize() <= 0) {
                network.setAcceptQueueSize(ACCEPT_QUEUE);
            }
        }
    }
}
