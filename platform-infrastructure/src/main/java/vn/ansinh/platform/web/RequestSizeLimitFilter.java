package vn.ansinh.platform.web;

import java.io.IOException;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Refuses request bodies over a limit with 413, before anything reads them: a declared
 * Content-Length is checked up front, a chunked body is cut off while it is read. A multipart body is
 * parsed by the servlet container, not through this filter, so it must declare its length (411
 * otherwise; browsers and curl always do): the per-path limit then holds for uploads too.
 */
public class RequestSizeLimitFilter extends OncePerRequestFilter {

    private final WebProperties properties;
    private final ProblemFactory problems;
    private final ProblemWriter writer;

    public RequestSizeLimitFilter(WebProperties properties, ProblemFactory problems, ProblemWriter writer) {
        this.properties = properties;
        this.problems = problems;
        this.writer = writer;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = properties.limitFor(request.getRequestURI());
        String type = request.getContentType();
        if (type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/") && request.getContentLengthLong() < 0) {
            // The container reads a multipart body itself, past this filter's counting: only a declared length can be checked.
            writer.write(response, problems.create(HttpStatus.LENGTH_REQUIRED, "length-required", RequestLocales.of(request)));
            return;
        }
        if (request.getContentLengthLong() > limit) {
            writer.write(response, problems.create(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large",
                    RequestLocales.of(request)));
            return;
        }
        chain.doFilter(new LimitedRequest(request, limit), response);
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {
        private final long limit;
        private ServletInputStream stream;
        private long read;

        LimitedRequest(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new ObservedInputStream(super.getInputStream(), (buffer, offset, length) -> {
                    read += length;
                    if (read > limit) {
                        throw new PayloadTooLargeException(limit);
                    }
                });
            }
            return stream;
        }
    }
}
