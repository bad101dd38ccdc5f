package org.vigil.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.vigil.identity.Actor;
import org.vigil.workforce.AgentStates;

/**
 * Every page a signed-in user asks for tells {@link AgentStates} they are still there (which writes at
 * most once a minute per user): a user without a page for ten minutes counts as offline. Requests a page
 * makes by itself on a timer do not count.
 */
@Configuration(proxyBeanMethods = false)
class LastSeen implements WebMvcConfigurer, HandlerInterceptor {

    private final AgentStates states;

    LastSeen(AgentStates states) {
        this.states = states;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        // Pages that refresh themselves (the floor board, presence on a ticket) say nothing about whether a
        // person is there: an unattended tab must not keep an agent available.
        registry.addInterceptor(this).excludePathPatterns("/api/**", "/actuator/**", "/v3/**", "/swagger-ui/**",
                "/css/**", "/js/**", "/webjars/**", "/demo-media/**", "/favicon.ico", "/error", "/floor/board",
                "/cases/*/presence");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof Actor actor && actor.keyId() == 0
                && actor.userId() != null) {
            states.seen(actor.userId());
        }
        return true;
    }
}
