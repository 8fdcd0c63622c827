package cn.jixiao.forms.http;

import cn.jixiao.forms.Config;
import io.javalin.config.JavalinConfig;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.handler.ThreadLimitHandler;

/**
 * What clients may hold of the server, so that slow or greedy ones cannot starve the rest: a body must keep
 * arriving at a minimum rate (a trickle of bytes is cut off with 408), a silent connection is closed, one
 * client (by IP address) has at most a few requests handled at once while its others wait without holding
 * a thread, and the connections of all clients together are bounded. Every request passes the
 * {@link RequestLog} first; failures before any route are answered by {@link JsonErrorHandler}.
 */
final class ConnectionLimits {
    private ConnectionLimits() {
    }

    static void apply(JavalinConfig javalin, Config.Connections limits, RequestLog log) {
        javalin.jetty.modifyHttpConfiguration(http -> {
            http.setMinRequestDataRate(limits.minUploadBytesPerSecond());
            http.setIdleTimeout(limits.idleTimeout().toMillis());
        });
        javalin.jetty.modifyServer(server -> {
            ThreadLimitHandler perClient = new ThreadLimitHandler(null, false);
            perClient.setThreadLimit(limits.threadsPerClient());
            perClient.setHandler(server.getHandler());
            log.setHandler(perClient);
            server.setHandler(log);
            server.addBean(new NetworkConnectionLimit(limits.maxConnections(), server));
            server.setErrorHandler(new JsonErrorHandler());
        });
    }
}
