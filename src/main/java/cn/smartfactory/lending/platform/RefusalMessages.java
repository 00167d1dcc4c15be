package cn.smartfactory.lending.platform;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A refusal reaches the person as the platform wrote it. Camunda's REST resources put their own
 * words in front of every failure of a submission or start ("Cannot submit task form 3f2a…: ",
 * "Cannot instantiate process definition …: "), and Tasklist shows that text as it is. For
 * refusals — an answer below 500 whose message the platform wrote (it carries Chinese) — the
 * prefix is taken off, on the engine's REST API and on the webapps' own, so Tasklist shows one
 * short message, 中文 then English. Engine failures (500) keep Camunda's text for the log.
 */
@Configuration(proxyBeanMethods = false)
class RefusalMessages {

    /** Camunda's prefixes: "Cannot submit task form <id>: ", "Cannot complete task <id>: ", … */
    static final Pattern CAMUNDA_PREFIX = Pattern.compile(
            "^Cannot [a-zA-Z ]+? [0-9a-zA-Z:._-]{1,255}: (.*)$", Pattern.DOTALL);
    private static final Pattern CHINESE = Pattern.compile("\\p{IsHan}");
    private static final int MAX_BODY = 256 * 1024;

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> refusalMessagesFilter() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new Filter());
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
        registration.setName("refusalMessages");
        return registration;
    }

    /** The message a person should read, or null when Camunda's text stays. */
    static String platformMessage(int status, String message) {
        if (status < 400 || status >= 500 || message == null) {
            return null;
        }
        Matcher prefixed = CAMUNDA_PREFIX.matcher(message);
        if (!prefixed.matches()) {
            return null;
        }
        String own = prefixed.group(1);
        return CHINESE.matcher(own).find() ? own : null;
    }

    static final class Filter extends OncePerRequestFilter {

        private final ObjectMapper json = new ObjectMapper();

        /** The actions whose refusals people read (not queries, whose answers may be large). */
        private static final Pattern ACTIONS = Pattern.compile(
                ".*/(submit-form|complete|resolve|claim|unclaim|assignee|delegate|start|variables(/[^/]+)?)$");

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            return !("POST".equals(request.getMethod()) || "PUT".equals(request.getMethod()))
                    || !ACTIONS.matcher(request.getRequestURI()).matches();
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            ContentCachingResponseWrapper wrapped = new ContentCachingResponseWrapper(response);
            try {
                chain.doFilter(request, wrapped);
                rewrite(wrapped);
            } finally {
                wrapped.copyBodyToResponse();
            }
        }

        private void rewrite(ContentCachingResponseWrapper response) throws IOException {
            int status = response.getStatus();
            String type = response.getContentType();
            byte[] body = response.getContentAsByteArray();
            if (status < 400 || status >= 500 || type == null || !MediaType.parseMediaType(type).isCompatibleWith(MediaType.APPLICATION_JSON)
                    || body.length == 0 || body.length > MAX_BODY) {
                return;
            }
            JsonNode error;
            try {
                error = json.readTree(body);
            } catch (IOException notJson) {
                return;
            }
            if (!(error instanceof ObjectNode object) || !error.path("message").isTextual()) {
                return;
            }
            String own = platformMessage(status, error.get("message").asText());
            if (own == null) {
                return;
            }
            object.put("message", own);
            response.resetBuffer();
            response.getOutputStream().write(json.writeValueAsBytes(object));
        }
    }
}
