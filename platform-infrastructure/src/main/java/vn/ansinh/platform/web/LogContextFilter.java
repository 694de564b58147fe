package vn.ansinh.platform.web;

import java.io.IOException;

import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import vn.ansinh.platform.audit.Actor;
import vn.ansinh.platform.audit.LogContext;

/**
 * Puts the caller of the request (office, account, client; see {@link LogContext}) into every log line
 * written while it is answered. Registered after Spring Security, which has read the token by then.
 */
public class LogContextFilter extends OncePerRequestFilter {

    private final String service;

    public LogContextFilter(String service) {
        this.service = service;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Actor actor = Actor.current(service);
        if (actor.id().startsWith("system:")) {
            chain.doFilter(request, response); // nobody signed in: nothing to add
            return;
        }
        try (LogContext ignored = LogContext.of(actor.office(), actor.id(), actor.client())) {
            chain.doFilter(request, response);
        }
    }
}
