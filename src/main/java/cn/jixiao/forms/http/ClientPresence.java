package cn.jixiao.forms.http;

import io.javalin.http.Context;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.function.BooleanSupplier;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.io.SocketChannelEndPoint;

/**
 * Whether the client of a long answer is still there, asked between two pieces of work that write nothing yet
 * (the items of a bound PDF): the server learns of a closed connection only when it next writes, which for a
 * bound PDF is at the end, after all the rendering. A non-blocking read of the connection says at once: -1
 * when the client has closed it. The answer carries {@code Connection: close}, so a byte read here (a request
 * the client sent ahead) is not missed by anyone.
 */
final class ClientPresence implements BooleanSupplier {
    private final SocketChannel channel;

    ClientPresence(Context ctx) {
        ctx.header("Connection", "close");
        Object endPoint = ServletContextRequest.getServletContextRequest(ctx.req()).getConnectionMetaData().getConnection().getEndPoint();
        this.channel = endPoint instanceof SocketChannelEndPoint socket ? socket.getChannel() : null;
    }

    @Override
    public boolean getAsBoolean() {
        if (channel == null || channel.isBlocking()) {
            return true;
        }
        try {
            return channel.read(ByteBuffer.allocate(1)) >= 0;
        } catch (IOException gone) {
            return false;
        }
    }
}
