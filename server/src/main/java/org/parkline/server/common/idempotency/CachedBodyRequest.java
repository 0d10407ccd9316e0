package org.parkline.server.common.idempotency;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/** A request whose body was read once up front, so it can be hashed and still be read by the controller. */
final class CachedBodyRequest extends HttpServletRequestWrapper {

    /** Bodies of the public API are small; anything bigger is refused before it is buffered. */
    static final int MAX_BODY_BYTES = 1 << 20;

    private final byte[] body;
    private final boolean tooLarge;

    CachedBodyRequest(HttpServletRequest request) throws IOException {
        super(request);
        byte[] read = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
        this.tooLarge = read.length > MAX_BODY_BYTES;
        this.body = tooLarge ? new byte[0] : read;
    }

    boolean tooLarge() {
        return tooLarge;
    }

    byte[] body() {
        return body;
    }

    @Override
    public ServletInputStream getInputStream() {
        ByteArrayInputStream in = new ByteArrayInputStream(body);
        return new ServletInputStream() {
            @Override
            public int read() {
                return in.read();
            }

            @Override
            public int read(byte[] b, int off, int len) {
                return in.read(b, off, len);
            }

            @Override
            public boolean isFinished() {
                return in.available() == 0;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
                throw new UnsupportedOperationException();
            }
        };
    }

    @Override
    public BufferedReader getReader() {
        return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
    }
}
