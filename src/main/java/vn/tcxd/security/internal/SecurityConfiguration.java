package vn.tcxd.security.internal;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
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
        response.sendRedirect(request.getContextPath()
                + (e instanceof AuthenticationServiceException ? "/login?unavailable" : "/login?error"));
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, MessageSource messages, LocaleResolver locales, ObjectMapper json,
                                 UserDetailsService users, PasswordEncoder passwords, Clock clock) throws Exception {
        ProblemResponses problems = new ProblemResponses(messages, locales, json);
        return http.securityMatcher("/api/**")
                .authenticationManager(new ProviderManager(new VerifiedCredentials(users, passwords, clock)))
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
    SecurityFilterChain pageChain(HttpSecurity http) throws Exception {
        return http
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
