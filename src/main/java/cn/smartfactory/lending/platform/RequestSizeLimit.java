package cn.smartfactory.lending.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Refuses oversized request bodies on every API surface before anything reads them: a form
 * submission or an API call is a few kilobytes, so JSON above 2 MB is refused; uploads (a Modeler
 * deployment, the overdue list) may carry up to 20 MB. Answered 400 naming the body and the limit.
 */
@Configuration(proxyBeanMethods = false)
class RequestSizeLimit {

    static final long MAX_JSON_BYTES = 2L * 1024 * 1024;
    static final long MAX_MULTIPART_BYTES = 20L * 1024 * 1024;

    private static void refuse(HttpServletResponse response, long limit, String was) throws IOException {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        response.setContentType("application/json;charset=UTF-8");
        response.getOutputStream().write(("{\"type\":\"RequestTooLarge\",\"field\":\"body\",\"message\":\"请求体 body: "
                + "不得超过 " + limit + " 字节 / may not exceed " + limit + " bytes (was " + was + ")\"}")
                .getBytes(StandardCharsets.UTF_8));
    }

    /** A request whose body was already read (within the limit). */
    private static final class BufferedRequest extends jakarta.servlet.http.HttpServletRequestWrapper {
        private final byte[] body;

        BufferedRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public jakarta.servlet.ServletInputStream getInputStream() {
            java.io.ByteArrayInputStream in = new java.io.ByteArrayInputStream(body);
            return new jakarta.servlet.ServletInputStream() {
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
                public void setReadListener(jakarta.servlet.ReadListener listener) {
                    throw new UnsupportedOperationException("the body was read already");
                }
            };
        }

        @Override
        public java.io.BufferedReader getReader() {
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> requestSizeLimitFilter() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                String type = request.getContentType();
                long limit = type != null && type.toLowerCase().startsWith("multipart/") ? MAX_MULTIPART_BYTES : MAX_JSON_BYTES;
                if (request.getContentLengthLong() > limit) {
                    refuse(response, limit, String.valueOf(request.getContentLengthLong()));
                    return;
                }
                if (request.getContentLengthLong() >= 0 || "GET".equals(request.getMethod())
                        || limit == MAX_MULTIPART_BYTES) {
                    // Multipart bodies are parsed by the container, which Spring limits (spring.servlet.multipart).
                    chain.doFilter(request, response);
                    return;
                }
                // No declared length (chunked): read at most the limit, then hand on what was read.
                byte[] body = request.getInputStream().readNBytes((int) limit + 1);
                if (body.length > limit) {
                    refuse(response, limit, "more");
                    return;
                }
                chain.doFilter(new BufferedRequest(request, body), response);
            }
        });
        registration.setName("request-size-limit");
        registration.addUrlPatterns("/engine-rest/*", "/api/*", "/camunda/api/*");
        registration.setOrder(Integer.MIN_VALUE + 10);
        return registration;
    }
}
