package cn.jixiao.forms.http;

import io.javalin.http.Context;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.function.BooleanSupplier;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.io.SocketChannelEndPoint;

/**
 * Whether the client of an answer still being made is still there, asked while work that writes nothing yet goes
 * on (a render, the items of a bound PDF): the server learns of a closed connection only when it next writes,
 * which may be after all the work. A non-blocking read of the connection says at once: -1 when the client has
 * closed it. A byte read here belongs to a request the client sent ahead: the answer then carries
 * {@code Connection: close}, so that the client sends that request again rather than wait for an answer (an
 * answer already streaming closes the connection once ended). Never said up front: an HTTP/1.1 answer with
 * {@code Connection: close} is sent without chunks, and a client could then not tell one cut off from a whole one.
 */
final class ClientPresence implements BooleanSupplier {
    private final Context ctx;
    private final SocketChannel channel;
    private boolean tookAhead;

    private ClientPresence(Context ctx) {
        this.ctx = ctx;
        Object endPoint = ServletContextRequest.getServletContextRequest(ctx.req()).getConnectionMetaData().getConnection().getEndPoint();
        this.channel = endPoint instanceof SocketChannelEndPoint socket ? socket.getChannel() : null;
    }

    static ClientPresence of(Context ctx) {
        return new ClientPresence(ctx);
    }

    /**
     * Whether a byte of a request sent ahead was read after the answer had started, too late to say
     * {@code Connection: close}: the connection must then be closed once the answer has ended.
     */
    boolean tookAhead() {
        return tookAhead;
    }

    @Override
    public boolean getAsBoolean() {
        if (channel == null || channel.isBlocking()) {
            return true;
        }
        try {
            int read = channel.read(ByteBuffer.allocate(1));
            if (read > 0 && !ctx.res().isCommitted()) {
                ctx.header("Connection", "close");
            } else if (read > 0) {
                tookAhead = true;
            }
            return read >= 0;
        } catch (IOException gone) {
            return false;
        }
    }
}
