package vn.ansinh.platform.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Tomcat's own error page, for what it refuses before any application sees the request (an encoded
 * slash or ".." in the path, a malformed request line): written as problem+json like every other error
 * of the platform, not as Tomcat's HTML page (which also named the server's version).
 */
public class ProblemReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        String code = status == 404 ? "no-such-resource" : status >= 500 ? "internal-error" : "bad-request";
        String title = status == 404 ? "Không tìm thấy" : status >= 500 ? "Lỗi hệ thống" : "Yêu cầu không hợp lệ";
        String body = "{\"type\":\"" + ProblemFactory.TYPE_BASE + code + "\",\"title\":\"" + title + "\",\"status\":" + status
                + ",\"code\":\"" + code + "\"}";
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(body);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException ignored) {
            // the client went away: nothing more to tell it
        }
    }
}
