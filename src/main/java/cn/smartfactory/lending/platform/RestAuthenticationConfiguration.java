package cn.smartfactory.lending.platform;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * HTTP Basic authentication against the engine's identity service for {@code /engine-rest} (used
 * by Camunda Modeler's deploy button and by integrations) and for the platform's own {@code /api}.
 * Without credentials the answer is 401; the authenticated user's groups then drive Camunda's
 * authorization checks.
 */
@Configuration(proxyBeanMethods = false)
class RestAuthenticationConfiguration {

    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("engine-rest-authentication");
        registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
        registration.addInitParameter("rest-url-pattern-prefix", "/engine-rest");
        registration.addUrlPatterns("/engine-rest/*");
        return registration;
    }

    /** Refusals raised inside the engine (form rules, segregation of duties) answer 400, not 500. */
    @Bean
    org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer refusalsAreBadRequests() {
        return config -> config.register(RefusalExceptionMapper.ForRestExceptions.class)
                .register(RefusalExceptionMapper.ForEngineExceptions.class);
    }

    /**
     * Camunda's setup page creates the first administrator for anyone who asks while none exists; the
     * platform creates it from the environment instead, so the page's API is closed for good.
     */
    @Bean
    FilterRegistrationBean<jakarta.servlet.Filter> setupPageClosed() {
        FilterRegistrationBean<jakarta.servlet.Filter> registration = new FilterRegistrationBean<>((request, response, chain) -> {
            var http = (jakarta.servlet.http.HttpServletResponse) response;
            http.setStatus(jakarta.servlet.http.HttpServletResponse.SC_FORBIDDEN);
            http.setContentType("application/json;charset=UTF-8");
            http.getOutputStream().write(("{\"type\":\"Forbidden\",\"message\":\"首位管理员由环境变量 LENDING_ADMIN_ID / "
                    + "LENDING_ADMIN_PASSWORD 设置,初始设置页已关闭 / the first administrator comes from LENDING_ADMIN_ID and "
                    + "LENDING_ADMIN_PASSWORD; the setup page is closed\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        });
        registration.setName("setup-page-closed");
        registration.addUrlPatterns("/camunda/api/admin/setup/*");
        registration.setOrder(Integer.MIN_VALUE);
        return registration;
    }

    @Bean
    FilterRegistrationBean<ApiAuthentication> apiAuthentication(org.camunda.bpm.engine.IdentityService identity) {
        FilterRegistrationBean<ApiAuthentication> registration = new FilterRegistrationBean<>(new ApiAuthentication(identity));
        registration.setName("api-authentication");
        registration.addUrlPatterns("/api/*");
        return registration;
    }
}
