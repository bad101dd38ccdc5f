package org.vigil.identity;

import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.PATCH;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.vigil.web.Problems;

/**
 * The access rule of every endpoint, in one place. Anything not listed is denied.
 *
 * <ul>
 *   <li>intake (reports, inquiries, appeals): keys with the {@code intake} or {@code admin} scope;
 *       where a report went: those keys, {@code read} keys, leads and admins (a key sees its own
 *       reports, others only reports they could see the case of, enforced where it is answered); the
 *       intake journal's waiting and failed reports, and retrying one: admins;</li>
 *   <li>quality assurance (API and the {@code /qa} pages): QA reviewers, leads and admins list and
 *       review samples ({@code admin} keys list them too); leads and admins sample chosen decisions;
 *       agreement is read by them and by {@code read} and {@code admin} keys (vendor users are refused
 *       where it is answered: QA is in-house);</li>
 *   <li>reading cases: keys with {@code read} or {@code admin}, and every user (vendor users see only
 *       their teams' cases, enforced where cases are read);</li>
 *   <li>acting on cases: users (any role) and {@code admin} keys;</li>
 *   <li>claiming work and presence on a case (collision detection), and one's own exposure to
 *       distressing content: users only;</li>
 *   <li>staffing calculations, plans and scenarios: everyone who may read cases; importing arrival
 *       history from before Vigil, agents' shifts and adherence to them: leads and admins (vendor
 *       leads for their own team);</li>
 *   <li>a requester's follow-up on their case: {@code intake} or {@code admin} keys (the integration
 *       relays it);</li>
 *   <li>SLA calendars and policies: read by everyone who may read cases, changed by admins;</li>
 *   <li>webhooks and their deliveries: admins; accounts' strikes: everyone who may read cases;</li>
 *   <li>answer templates and crisis resources: read by everyone who may read cases, changed by admins;
 *       applied by users;</li>
 *   <li>the statements-of-reasons export and the transparency report: leads, admins and {@code read} keys
 *       (in-house leads only for the report, which covers every team); team scorecards: the same (vendor
 *       leads their own team's);</li>
 *   <li>the content policy: read by everyone who may read cases, changed by admins;</li>
 *   <li>routing rules: read and tried (dry run) by leads and admins, changed by admins;</li>
 *   <li>notifications: users, each their own;</li>
 *   <li>administration (teams, users, tokens, keys, queues): {@code admin} keys and ADMIN users.</li>
 * </ul>
 *
 * <p>The pages (everything outside {@code /api}, {@code /actuator} and the OpenAPI documents) are a
 * second chain: users sign in with e-mail and password, the session carries a CSRF token that every
 * form and htmx request sends, and a strict Content-Security-Policy allows only Vigil's own scripts.
 * <ul>
 *   <li>sign-in page, styles, scripts: everyone;</li>
 *   <li>home, review and support workspaces, case lists and case pages: every user (what they see is
 *       limited by team and clearance where cases are read);</li>
 *   <li>the floor dashboard and the workforce plan: leads and admins;</li>
 *   <li>the demo data's media: every user;</li>
 *   <li>one's own agent state (available or on a break, {@code POST /me/state}): every user;</li>
 *   <li>administration pages: admins.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final String[] USERS = {"ROLE_AGENT", "ROLE_SPECIALIST", "ROLE_QA", "ROLE_LEAD", "ROLE_ADMIN"};

    @Bean
    ApiKeyAuthentication apiKeyAuthentication(JdbcClient jdbc) {
        return new ApiKeyAuthentication(jdbc);
    }

    /** The key filter runs inside the security chain only, not a second time as a servlet filter. */
    @Bean
    FilterRegistrationBean<ApiKeyAuthentication> apiKeyAuthenticationRegistration(ApiKeyAuthentication filter) {
        FilterRegistrationBean<ApiKeyAuthentication> registration = new FilterRegistrationBean<>(filter);
        registration.setEnabled(false);
        return registration;
    }

    /**
     * The security filters are not observed one by one: wrapping each of them in an observation cost
     * more per request than claim-next's own work, and the request as a whole is still observed
     * ({@code http.server.requests}).
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * Checks e-mail and password: as a bean it is the application's one authentication provider (adding it
     * to the pages chain as well would run it twice for every wrong password).
     */
    @Bean
    SignIn signIn(JdbcClient jdbc, PasswordEncoder passwords,
            @Value("${vigil.sign-in.lockout:PT15M}") java.time.Duration lockout,
            @Value("${vigil.sign-in.max-failures:10}") int maxFailures,
            @Value("${vigil.sign-in.max-failures-per-address:100}") int maxFailuresPerAddress) {
        return new SignIn(jdbc, passwords, lockout, maxFailures, maxFailuresPerAddress);
    }

    @Bean
    FilterRegistrationBean<SignIn> signInRegistration(SignIn filter) {
        FilterRegistrationBean<SignIn> registration = new FilterRegistrationBean<>(filter);
        registration.setEnabled(false);
        return registration;
    }

    /**
     * Only Vigil's own scripts run; user text can never become script, style or a frame. Images load
     * from Vigil and from the media origins an operator allowed ({@code vigil.pages.media-origins}).
     */
    static String contentSecurityPolicy(String mediaOrigins) {
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:"
                + (mediaOrigins.isBlank() ? "" : " " + mediaOrigins.strip())
                + "; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    }

    @Bean
    @Order(1)
    SecurityFilterChain pages(HttpSecurity http, SignIn signIn,
            @Value("${vigil.pages.media-origins:}") String mediaOrigins) throws Exception {
        if (!mediaOrigins.isBlank() && !mediaOrigins.strip().matches("(https?://[A-Za-z0-9.-]+(:\\d+)?\\s*)+")) {
            throw new IllegalArgumentException("vigil.pages.media-origins must be origins such as "
                    + "https://media.example.com, separated by spaces: " + mediaOrigins);
        }
        PathPatternRequestMatcher.Builder path = PathPatternRequestMatcher.withDefaults();
        RequestMatcher notPages = new OrRequestMatcher(path.matcher("/api/**"), path.matcher("/actuator/**"),
                path.matcher("/v3/api-docs/**"), path.matcher("/v3/api-docs"), path.matcher("/swagger-ui/**"),
                path.matcher("/swagger-ui.html"));
        String[] leads = {"ROLE_LEAD", "ROLE_ADMIN"};
        return http
                .securityMatcher(new NegatedRequestMatcher(notPages))
                .addFilterBefore(signIn, AuthorizationFilter.class)
                .formLogin(f -> f.loginPage("/login").usernameParameter("email").passwordParameter("password")
                        .defaultSuccessUrl("/", false).permitAll()
                        .failureHandler((request, response, ex) -> response.sendRedirect(
                                request.getContextPath() + (ex instanceof org.springframework.security.authentication
                                        .LockedException ? "/login?locked" : "/login?error"))))
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?signedOut"))
                .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
                .requestCache(c -> c.requestCache(pageRequests()))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(contentSecurityPolicy(mediaOrigins)))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor((request, response, ex) -> {
                    // An htmx request whose session ended: send the whole page to the sign-in form.
                    response.setHeader("HX-Redirect", "/login");
                    response.setStatus(HttpStatus.UNAUTHORIZED.value());
                }, request -> request.getHeader("HX-Request") != null)
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
                                AnyRequestMatcher.INSTANCE))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(GET, "/login", "/css/**", "/js/**", "/webjars/**", "/favicon.ico").permitAll()
                        .requestMatchers("/error").permitAll()
                        .requestMatchers(GET, "/", "/cases", "/cases/*", "/cases/*/**", "/review", "/review/**")
                                .hasAnyAuthority(USERS)
                        .requestMatchers(POST, "/cases/*/**", "/review/**").hasAnyAuthority(USERS)
                        .requestMatchers(POST, "/me/state").hasAnyAuthority(USERS)
                        .requestMatchers(GET, "/floor", "/floor/**").hasAnyAuthority(leads)
                        .requestMatchers(GET, "/qa", "/qa/*").hasAnyAuthority("ROLE_QA", "ROLE_LEAD", "ROLE_ADMIN")
                        .requestMatchers(POST, "/qa/*/review").hasAnyAuthority("ROLE_QA", "ROLE_LEAD", "ROLE_ADMIN")
                        .requestMatchers(GET, "/demo-media/**").hasAnyAuthority(USERS)
                        .requestMatchers(GET, "/workforce", "/workforce/plan.csv", "/transparency",
                                "/transparency.csv", "/scorecards").hasAnyAuthority(leads)
                        .requestMatchers("/admin", "/admin/**").hasAnyAuthority("ROLE_ADMIN")
                        .anyRequest().denyAll())
                .build();
    }

    /** After signing in, go back to the page asked for; never to a fragment htmx asked for. */
    private static org.springframework.security.web.savedrequest.RequestCache pageRequests() {
        var cache = new org.springframework.security.web.savedrequest.HttpSessionRequestCache();
        cache.setRequestMatcher(request -> "GET".equals(request.getMethod()) && request.getHeader("HX-Request") == null);
        return cache;
    }

    @Bean
    @Order(2)
    SecurityFilterChain api(HttpSecurity http, ApiKeyAuthentication apiKeys) throws Exception {
        String[] readers = concat(USERS, "SCOPE_read", "SCOPE_admin");
        String[] actors = concat(USERS, "SCOPE_admin");
        return http
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(b -> b.disable())
                .formLogin(f -> f.disable())
                .logout(l -> l.disable())
                .requestCache(c -> c.disable())
                .addFilterBefore(apiKeys, AnonymousAuthenticationFilter.class)
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, ex) -> Problems.write(request, response,
                                HttpStatus.UNAUTHORIZED, "Unauthorized",
                                "Send 'Authorization: Bearer <API key>'"))
                        .accessDeniedHandler((request, response, ex) -> Problems.write(request, response,
                                HttpStatus.FORBIDDEN, "Forbidden",
                                "Your key or role may not " + request.getMethod() + " " + request.getRequestURI())))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(GET, "/actuator/health", "/actuator/health/**", "/actuator/prometheus",
                                "/actuator/info").permitAll()
                        .requestMatchers(GET, "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html",
                                "/swagger-ui/**").permitAll()
                        .requestMatchers("/error").permitAll()
                        .requestMatchers(POST, "/api/v1/reports", "/api/v1/reports/batch", "/api/v1/inquiries",
                                "/api/v1/appeals")
                                .hasAnyAuthority("SCOPE_intake", "SCOPE_admin")
                        .requestMatchers(GET, "/api/v1/reports/*")
                                .hasAnyAuthority("SCOPE_intake", "SCOPE_read", "SCOPE_admin", "ROLE_ADMIN", "ROLE_LEAD")
                        .requestMatchers(GET, "/api/v1/qa/samples")
                                .hasAnyAuthority("ROLE_QA", "ROLE_LEAD", "ROLE_ADMIN", "SCOPE_admin")
                        .requestMatchers(POST, "/api/v1/qa/samples/*/review")
                                .hasAnyAuthority("ROLE_QA", "ROLE_LEAD", "ROLE_ADMIN")
                        .requestMatchers(POST, "/api/v1/qa/samples").hasAnyAuthority("ROLE_LEAD", "ROLE_ADMIN")
                        .requestMatchers(GET, "/api/v1/qa/agreement")
                                .hasAnyAuthority("ROLE_QA", "ROLE_LEAD", "ROLE_ADMIN", "SCOPE_read", "SCOPE_admin")
                        .requestMatchers(GET, "/api/v1/intake/journal").hasAnyAuthority("SCOPE_admin", "ROLE_ADMIN")
                        .requestMatchers(POST, "/api/v1/intake/journal/*/retry")
                                .hasAnyAuthority("SCOPE_admin", "ROLE_ADMIN")
                        .requestMatchers(POST, "/api/v1/cases/*/requester-messages")
                                .hasAnyAuthority("SCOPE_intake", "SCOPE_admin")
                        .requestMatchers(PUT, "/api/v1/cases/*/presence").hasAnyAuthority(USERS)
                        .requestMatchers(DELETE, "/api/v1/cases/*/presence").hasAnyAuthority(USERS)
                        .requestMatchers(GET, "/api/v1/cases/*/evidence-views")
                                .hasAnyAuthority("SCOPE_admin", "ROLE_ADMIN", "ROLE_LEAD")
                        .requestMatchers(GET, "/api/v1/cases", "/api/v1/cases/**").hasAnyAuthority(readers)
                        .requestMatchers(POST, "/api/v1/cases/*/**").hasAnyAuthority(actors)
                        .requestMatchers(POST, "/api/v1/work/next", "/api/v1/work/*/release", "/api/v1/work/*/renew")
                                .hasAnyAuthority(USERS)
                        .requestMatchers(GET, "/api/v1/queues", "/api/v1/me").hasAnyAuthority(readers)
                        .requestMatchers(GET, "/api/v1/me/exposure").hasAnyAuthority(USERS)
                        .requestMatchers(POST, "/api/v1/workforce/staffing", "/api/v1/workforce/plans",
                                "/api/v1/workforce/scenarios", "/api/v1/workforce/simulations", "/api/v1/workforce/forecasts",
                                "/api/v1/workforce/deferred", "/api/v1/workforce/intraday", "/api/v1/workforce/schedules")
                                .hasAnyAuthority(readers)
                        .requestMatchers(POST, "/api/v1/workforce/history", "/api/v1/workforce/shifts")
                                .hasAnyAuthority("SCOPE_admin", "ROLE_ADMIN", "ROLE_LEAD")
                        .requestMatchers(GET, "/api/v1/workforce/shifts", "/api/v1/workforce/adherence")
                                .hasAnyAuthority("SCOPE_admin", "ROLE_ADMIN", "ROLE_LEAD")
                        .requestMatchers(DELETE, "/api/v1/workforce/shifts/*")
                                .hasAnyAuthority("SCOPE_admin", "ROLE_ADMIN", "ROLE_LEAD")
                        .requestMatchers(POST, "/api/v1/queues").hasAnyAuthority("SCOPE_admin", "ROLE_ADMIN")
                        .requestMatchers(POST, "/api/v1/rules/dry-run")
                                .hasAnyAuthority("SCOPE_admin", "ROLE_ADMIN", "ROLE_LEAD")
                        .requestMatchers(GET, "/api/v1/rules", "/api/v1/rules/**")
                                .hasAnyAuthority("SCOPE_admin", "ROLE_ADMIN", "ROLE_LEAD")
                        .requestMatchers(POST, "/api/v1/rules").hasAnyAuthority("SCOPE_admin", "ROLE_ADMIN")
                        .requestMatchers(PUT, "/api/v1/rules/*").hasAnyAuthority("SCOPE_admin", "ROLE_ADMIN")
                        .requestMatchers(POST, "/api/v1/webhooks", "/api/v1/webhooks/deliveries/*/retry")
                                .hasAnyAuthority("SCOPE_admin", "ROLE_ADMIN")
                        .requestMatchers(DELETE, "/api/v1/webhooks/*").hasAnyAuthority("SCOPE_admin", "ROLE_ADMIN")
                        .requestMatchers(GET, "/api/v1/webhooks", "/api/v1/webhooks/deliveries")
                                .hasAnyAuthority("SCOPE_admin", "ROLE_ADMIN")
                        .requestMatchers(GET, "/api/v1/accounts/*/strikes").hasAnyAuthority(readers)
                        .requestMatchers(GET, "/api/v1/statements-of-reasons", "/api/v1/transparency-report",
                                "/api/v1/scorecards")
                                .hasAnyAuthority("SCOPE_read", "SCOPE_admin", "ROLE_ADMIN", "ROLE_LEAD")
                        .requestMatchers(GET, "/api/v1/macros", "/api/v1/crisis-resources").hasAnyAuthority(readers)
                        .requestMatchers(POST, "/api/v1/macros").hasAnyAuthority("SCOPE_admin", "ROLE_ADMIN")
                        .requestMatchers(PUT, "/api/v1/macros/*", "/api/v1/crisis-resources/*")
                                .hasAnyAuthority("SCOPE_admin", "ROLE_ADMIN")
                        .requestMatchers(GET, "/api/v1/policy", "/api/v1/policy/**").hasAnyAuthority(readers)
                        .requestMatchers(PUT, "/api/v1/policy").hasAnyAuthority("SCOPE_admin", "ROLE_ADMIN")
                        .requestMatchers(GET, "/api/v1/sla/**").hasAnyAuthority(readers)
                        .requestMatchers(POST, "/api/v1/sla/calendars", "/api/v1/sla/policies")
                                .hasAnyAuthority("SCOPE_admin", "ROLE_ADMIN")
                        .requestMatchers(PUT, "/api/v1/sla/policies/*", "/api/v1/sla/calendars/*")
                                .hasAnyAuthority("SCOPE_admin", "ROLE_ADMIN")
                        .requestMatchers(GET, "/api/v1/notifications").hasAnyAuthority(USERS)
                        .requestMatchers(POST, "/api/v1/notifications/*/read").hasAnyAuthority(USERS)
                        .requestMatchers(GET, "/api/v1/teams", "/api/v1/users", "/api/v1/users/*/changes",
                                "/api/v1/api-keys")
                                .hasAnyAuthority("SCOPE_admin", "ROLE_ADMIN", "ROLE_LEAD")
                        .requestMatchers(POST, "/api/v1/teams", "/api/v1/users", "/api/v1/users/*/tokens",
                                "/api/v1/users/*/deactivate", "/api/v1/users/*/activate",
                                "/api/v1/api-keys").hasAnyAuthority("SCOPE_admin", "ROLE_ADMIN")
                        .requestMatchers(PATCH, "/api/v1/users/*").hasAnyAuthority("SCOPE_admin", "ROLE_ADMIN")
                        .requestMatchers(DELETE, "/api/v1/api-keys/*").hasAnyAuthority("SCOPE_admin", "ROLE_ADMIN")
                        .anyRequest().denyAll())
                .build();
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
