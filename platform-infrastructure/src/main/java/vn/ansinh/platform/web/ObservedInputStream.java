package vn.ansinh.platform.web;

import java.io.IOException;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;

/**
 * A request body that shows every chunk read from it to an observer, on its way to whoever reads it:
 * the size limit counts the bytes, the idempotency fingerprint hashes them.
 */
final class ObservedInputStream extends ServletInputStream {

    /** Sees each chunk read; may refuse by throwing (a body over its limit). */
    interface Observer {
        void read(byte[] buffer, int offset, int length) throws IOException;
    }

    private final ServletInputStream delegate;
    private final Observer observer;

    ObservedInputStream(ServletInputStream delegate, Observer observer) {
        this.delegate = delegate;
        this.observer = observer;
    }

    @Override
    public int read() throws IOException {
        int value = delegate.read();
        if (value >= 0) {
            observer.read(new byte[] {(byte) value}, 0, 1);
        }
        return value;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = delegate.read(buffer, offset, length);
        if (n > 0) {
            observer.read(buffer, offset, n);
        }
        return n;
    }

    @Override
    public boolean isFinished() {
        return delegate.isFinished();
    }

    @Override
    public boolean isReady() {
        return delegate.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
        delegate.setReadListener(listener);
    }
}
