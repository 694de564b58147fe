package vn.ansinh.platform.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.Part;

/**
 * A SHA-256 of what a write request asks for — its query string and its body — without keeping the
 * body in memory: the body is hashed as the application reads it (or, for a repeat that is only
 * compared, as it is read here and thrown away). A multipart body, which the servlet container parses
 * itself, is hashed part by part.
 */
final class RequestFingerprint {

    private final HttpServletRequest original;
    private final MessageDigest digest;
    private final HashingRequest hashing;

    RequestFingerprint(HttpServletRequest request) {
        this.original = request;
        this.digest = sha256();
        String query = request.getQueryString();
        digest.update((query == null ? "" : query).getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        this.hashing = new HashingRequest(request, digest);
    }

    /** The request to hand on: reading its body feeds the fingerprint. */
    HttpServletRequest request() {
        return hashing;
    }

    /**
     * The fingerprint once the application is done, reading whatever of the body it left unread — or, for
     * a repeat nobody else will read, its whole body, read here.
     */
    String finish() throws IOException {
        if (isMultipart()) {
            hashParts();
        } else {
            hashing.drain();
        }
        return HexFormat.of().formatHex(digest.digest());
    }


    private boolean isMultipart() {
        String type = original.getContentType();
        return type != null && type.toLowerCase().startsWith("multipart/");
    }

    private void hashParts() throws IOException {
        try {
            for (Part part : original.getParts()) {
                digest.update(part.getName().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                try (InputStream in = part.getInputStream()) {
                    byte[] buffer = new byte[8192];
                    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                        digest.update(buffer, 0, n);
                    }
                }
            }
        } catch (ServletException notMultipartAfterAll) {
            hashing.drain();
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("SHA-256 is part of every JDK", impossible);
        }
    }

    private static final class HashingRequest extends HttpServletRequestWrapper {
        private final MessageDigest digest;
        private ServletInputStream stream;

        HashingRequest(HttpServletRequest request, MessageDigest digest) {
            super(request);
            this.digest = digest;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new ObservedInputStream(super.getInputStream(), digest::update);
            }
            return stream;
        }

        void drain() throws IOException {
            ServletInputStream in = getInputStream();
            byte[] buffer = new byte[8192];
            while (in.read(buffer, 0, buffer.length) >= 0) {
                // read to the end: the bytes go into the digest
            }
        }
    }
}
