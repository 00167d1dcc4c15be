package cn.smartfactory.lending.operations;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.web.filter.OncePerRequestFilter;

import cn.smartfactory.lending.identity.Role;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Who may read /actuator: HTTP Basic against the engine's identity service, members of it-operations
 * only (a monitoring account, Prometheus's scrape). Anyone else: 401 without credentials, 403 with the
 * wrong role. The endpoints are read-only; none is exposed that changes the platform.
 */
final class ActuatorAccess extends OncePerRequestFilter {

    private final IdentityService identity;

    ActuatorAccess(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        String user = null;
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                decoded = "";
            }
            int colon = decoded.indexOf(':');
            if (colon > 0 && identity.checkPassword(decoded.substring(0, colon), decoded.substring(colon + 1))) {
                user = decoded.substring(0, colon);
            }
        }
        if (user == null) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"lending-operations\"");
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
            return;
        }
        if (identity.createUserQuery().userId(user).memberOfGroup(Role.IT_OPERATIONS.groupId()).count() == 0) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType("application/json;charset=UTF-8");
            response.getWriter().write("{\"error\":\"FORBIDDEN\",\"message\":\"仅运维岗可查看运行监控 Only IT operations read health and metrics\"}");
            return;
        }
        chain.doFilter(request, response);
    }
}
