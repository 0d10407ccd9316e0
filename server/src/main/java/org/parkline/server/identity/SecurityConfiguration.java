package org.parkline.server.identity;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import org.parkline.server.common.RateLimits;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;

/**
 * Authentication here, authorization on each endpoint: every handler declares {@code @RolesAllowed} or
 * {@code @PermitAll}, enforced by {@link EndpointRoles} before the request is read. Sessions (web sign-in) carry CSRF protection; API
 * clients send a bearer token or device key on each request and need none.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    SecurityFilterChain securityFilterChain(
            HttpSecurity http,
            Credentials credentials,
            SecurityProblems problems,
            MeterRegistry meters,
            RateLimits limits)
            throws Exception {
        http.addFilterBefore(new CredentialFilter(credentials, problems, meters), AnonymousAuthenticationFilter.class)
                .addFilterBefore(new WebSignInThrottle(limits), UsernamePasswordAuthenticationFilter.class)
                .csrf(csrf -> csrf.requireCsrfProtectionMatcher(SecurityConfiguration::browserSessionChange))
                .authorizeHttpRequests(requests -> requests.requestMatchers(
                                "/actuator/health", "/actuator/health/**", "/actuator/info")
                        .permitAll()
                        .requestMatchers("/actuator/**")
                        .hasAnyRole(Roles.ADMIN, Roles.ANALYST)
                        .requestMatchers("/account")
                        .authenticated()
                        .anyRequest()
                        .permitAll())
                .formLogin(form -> form.defaultSuccessUrl("/account"))
                .logout(logout -> logout.logoutSuccessUrl("/"))
                .httpBasic(basic -> basic.disable())
                .exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(
                                problems::entryPoint,
                                request -> request.getRequestURI().startsWith("/v1/")
                                        || request.getRequestURI().startsWith("/actuator/"))
                        .accessDeniedHandler(problems::denied));
        return http.build();
    }

    /** Form sign-in for the web pages: the same accounts, producing the same kind of actor as a bearer token. */
    @Bean
    AuthenticationProvider accountSignIn(Accounts accounts) {
        return new AuthenticationProvider() {
            @Override
            public org.springframework.security.core.Authentication authenticate(
                    org.springframework.security.core.Authentication authentication) {
                return accounts.verify(authentication.getName(), String.valueOf(authentication.getCredentials()))
                        .map(CredentialFilter.ActorAuthentication::new)
                        .orElseThrow(() -> new BadCredentialsException("Unknown user or wrong password"));
            }

            @Override
            public boolean supports(Class<?> authentication) {
                return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
            }
        };
    }

    /** CSRF guards changes made with a browser session; token- and key-authenticated API calls carry no cookie. */
    private static boolean browserSessionChange(HttpServletRequest request) {
        boolean changes = !(request.getMethod().equals("GET")
                || request.getMethod().equals("HEAD")
                || request.getMethod().equals("OPTIONS"));
        boolean apiCredential = request.getHeader("Authorization") != null
                || request.getHeader(CredentialFilter.API_KEY_HEADER) != null;
        boolean session =
                request.getSession(false) != null || request.getRequestURI().equals("/login");
        return changes && !apiCredential && session;
    }
}
