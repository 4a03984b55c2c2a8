package vn.tcxd.security.internal;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.time.Clock;

/**
 * Two filter chains over the same accounts: HTTP Basic, stateless and without CSRF for
 * {@code /api/**}; form login with a session and CSRF for the pages. Authorities (ACCOUNTS,
 * AUDIT, WRITE) are checked on the controllers, so refusals become friendly pages or Problem Details.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    /**
     * The pages' Content-Security-Policy: scripts and styles only from TCXD's own files (htmx is a webjar file; the
     * templates have no inline script, style or event handler, and htmx's injected indicator style is turned off in
     * layout.html), so an injected {@code <script>} or {@code onerror=} does not run. {@code data:} images are the
     * Swagger UI's icons. {@code frame-ancestors 'none'}: no other site frames TCXD (clickjacking).
     */
    static final String PAGE_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
            + "frame-ancestors 'none'";
    /**
     * The Swagger UI (springdoc's, under /swagger-ui/) applies one inline style of its own; its scripts are files, so
     * only styles are relaxed there, and only there.
     */
    static final String SWAGGER_UI_CSP = PAGE_CSP.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");
    /** JSON is never a document to render: nothing may load from an API answer opened in a browser. */
    static final String API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
    /** Features no TCXD page uses: a script injected despite the CSP still gets none of them. */
    static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), "
            + "serial=(), bluetooth=(), midi=(), magnetometer=(), gyroscope=(), accelerometer=(), display-capture=(), "
            + "fullscreen=(self)";

    /**
     * Headers of both chains. X-Content-Type-Options nosniff, X-Frame-Options DENY and no-cache come with Spring
     * Security's defaults; HSTS too, but only on a request that arrived over TLS (behind a proxy: forwarded
     * headers, docs/operations.md). Referrer same-origin: page URLs hold member and unit ids, other sites get none.
     */
    private static void headers(HttpSecurity http, String csp) throws Exception {
        RequestMatcher swaggerUi = PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui/**");
        http.headers(headers -> headers
                .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(swaggerUi),
                        new ContentSecurityPolicyHeaderWriter(csp)))
                .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(swaggerUi,
                        new ContentSecurityPolicyHeaderWriter(SWAGGER_UI_CSP)))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                .permissionsPolicyHeader(permissions -> permissions.policy(PERMISSIONS_POLICY))
                .frameOptions(frames -> frames.deny())
                .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000)));
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * A wrong password and an account that could not be read (the database or its pool failed) are different
     * answers: the second is no reason to doubt one's password.
     */
    static void loginFailed(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        String target;
        if (e instanceof LoginThrottled throttled) {
            // the page says exactly why and for how long: a locked name or a throttled address, not a wrong password
            target = (throttled.reason() == LoginThrottled.Reason.ACCOUNT_LOCKED ? "/login?locked" : "/login?throttled")
                    + "&minutes=" + throttled.minutes() + "&failures=" + throttled.failures();
        } else {
            target = e instanceof AuthenticationServiceException ? "/login?unavailable" : "/login?error";
        }
        response.sendRedirect(request.getContextPath() + target);
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, MessageSource messages, LocaleResolver locales, ObjectMapper json,
                                 UserDetailsService users, PasswordEncoder passwords, Clock clock,
                                 LoginThrottle throttle) throws Exception {
        ProblemResponses problems = new ProblemResponses(messages, locales, json);
        headers(http, API_CSP);
        return http.securityMatcher("/api/**")
                .authenticationManager(new ProviderManager(new ThrottledAuthentication(
                        new VerifiedCredentials(users, passwords, clock), throttle)))
                .authorizeHttpRequests(requests -> requests
                        // "/api" itself only redirects to the Swagger UI, which the page chain protects.
                        .requestMatchers("/api").permitAll()
                        // casting a confidence ballot and checking a receipt (votes) are anonymous by design:
                        // the one-time credential is the only key, and no account may be tied to a ballot
                        .requestMatchers(org.springframework.http.HttpMethod.POST, "/api/v1/ballots", "/api/v1/ballots/receipt-check").permitAll()
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.realmName("TCXD").authenticationEntryPoint(problems))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                // no CSRF token for Basic: writes sent by another site's page are refused by their Origin instead
                .addFilterBefore(new CrossSiteWriteFilter(problems), BasicAuthenticationFilter.class)
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pageChain(HttpSecurity http, UserDetailsService users, PasswordEncoder passwords,
                                  LoginThrottle throttle) throws Exception {
        DaoAuthenticationProvider verifier = new DaoAuthenticationProvider(users);
        verifier.setPasswordEncoder(passwords);
        headers(http, PAGE_CSP);
        return http
                .authenticationManager(new ProviderManager(new ThrottledAuthentication(verifier, throttle)))
                .authorizeHttpRequests(requests -> requests
                        // the OpenAPI document describes the API and holds no data; API clients read it without a session
                        .requestMatchers("/css/**", "/webjars/**", "/login", "/actuator/health/**", "/error",
                                "/v3/api-docs", "/v3/api-docs/**")
                        .permitAll()
                        // the public consultation pages (evaluations): reachable only by a window's random
                        // token, they check the window themselves; CSRF stays on for their form
                        .requestMatchers("/public/**").permitAll()
                        // (the confidence ballot, /public/ballot, is such a page too: its credential is its key)
                        // metrics and the other endpoints describe the whole system: administrators only
                        .requestMatchers("/actuator/**").hasAuthority("ACCOUNTS")
                        .anyRequest().authenticated())
                .formLogin(form -> form
                        .loginPage("/login")
                        .defaultSuccessUrl("/units", true)
                        .failureHandler(SecurityConfiguration::loginFailed)
                        .permitAll())
                .logout(logout -> logout
                        .logoutUrl("/logout")
                        .logoutSuccessUrl("/login?logout"))
                .build();
    }
}
