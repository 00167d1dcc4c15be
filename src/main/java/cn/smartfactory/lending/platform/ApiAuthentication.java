package cn.smartfactory.lending.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * Who calls the platform's own {@code /api}: HTTP Basic against the engine's identity service (locked
 * accounts stay locked), or — for reading only (GET), so that a link in a Tasklist form opens without
 * a second login and no other site can make a signed-in browser change anything — the person signed
 * in to the webapps in this browser session. Anyone else gets 401.
 */
final class ApiAuthentication extends OncePerRequestFilter {

    private final IdentityService identity;

    ApiAuthentication(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!"GET".equals(request.getMethod()) && crossSite(request)) {
            // A browser holding cached Basic credentials would send them with another site's form too: a change through
            // /api comes from this site, or from a program, never from another site's page.
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType("application/json;charset=UTF-8");
            response.getWriter().write("{\"error\":\"CROSS_SITE\",\"message\":\"不接受来自其他网站的修改请求 / A change "
                    + "from another site's page is not accepted\"}");
            return;
        }
        String user = null;
        List<String> groups = List.of();
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon > 0 && identity.checkPassword(decoded.substring(0, colon), decoded.substring(colon + 1))) {
                user = decoded.substring(0, colon);
                groups = identity.createGroupQuery().groupMember(user).list().stream().map(g -> g.getId()).toList();
            }
        } else if ("GET".equals(request.getMethod())) {
            HttpSession session = request.getSession(false);
            Authentications signedIn = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
            if (signedIn != null && signedIn.getAuthenticationForProcessEngine("default") instanceof UserAuthentication web) {
                user = web.getName();
                groups = web.getGroupIds() == null ? List.of() : web.getGroupIds();
            }
        }
        if (user == null) {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setHeader("WWW-Authenticate", "Basic realm=\"lending\"");
            return;
        }
        identity.setAuthentication(user, groups);
        try {
            chain.doFilter(request, response);
        } finally {
            identity.clearAuthentication();
        }
    }

    /**
     * Whether the browser says the request comes from another site: {@code Sec-Fetch-Site} other than same-origin or none,
     * or an {@code Origin} that is not this server's. Programs (core banking, scripts) send neither.
     */
    static boolean crossSite(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null && !site.equals("same-origin") && !site.equals("none")) {
            return true;
        }
        String origin = request.getHeader("Origin");
        if (origin == null || origin.isBlank()) {
            return false;
        }
        try {
            java.net.URI uri = java.net.URI.create(origin.trim());
            int port = uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
            return uri.getHost() == null || !uri.getHost().equalsIgnoreCase(request.getServerName())
                    || port != request.getServerPort();
        } catch (IllegalArgumentException e) {
            return true;
        }
    }
}
