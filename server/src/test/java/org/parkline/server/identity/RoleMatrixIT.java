package org.parkline.server.identity;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.parkline.server.support.IntegrationTest;
import org.parkline.server.support.RawHttp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Walks every endpoint under /v1 as every role and as nobody: allowed roles get past authorization (whatever the
 * dummy request then earns: 200, 400, 404...), other roles get 403, nobody gets 401. An endpoint that declares no
 * roles fails the test: nothing is open by accident.
 */
class RoleMatrixIT extends IntegrationTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    record Endpoint(String method, String path, Set<String> allowed, boolean open) {}

    @Test
    void everyEndpointDeclaresItsRoles() {
        List<String> undeclared = new ArrayList<>();
        for (var entry : mappings.getHandlerMethods().entrySet()) {
            HandlerMethod handler = entry.getValue();
            boolean declared =
                    handler.hasMethodAnnotation(RolesAllowed.class) || handler.hasMethodAnnotation(PermitAll.class);
            if (paths(entry.getKey()).stream().anyMatch(p -> p.startsWith("/v1/")) && !declared) {
                undeclared.add(entry.getKey().toString());
            }
        }
        assertThat(undeclared)
                .as("endpoints without @RolesAllowed or @PermitAll")
                .isEmpty();
    }

    @Test
    void everyRoleIsAllowedExactlyWhereItsEndpointsSay() {
        Map<String, RawHttp> callers = new LinkedHashMap<>();
        // tokens of their own: the walk includes signing out, which must not revoke the tokens other tests share
        for (String account : List.of("admin", "operator", "officer", "adjudicator", "analyst", "auditor", "parker")) {
            callers.put(account.toUpperCase(), http.withToken(freshToken(account)));
        }
        callers.put("GATE", http.withApiKey(L1_ENTRY_GATE_KEY));
        RawHttp nobody = http.anonymous();

        List<String> wrong = new ArrayList<>();
        List<Endpoint> walk = new ArrayList<>(endpoints());
        walk.sort(java.util.Comparator.comparing((Endpoint e) -> e.path().equals("/v1/auth/revoke")));
        for (Endpoint endpoint : walk) {
            String path = endpoint.path().replaceAll("\\{[^}]+}", "NOPE_X");
            String body = endpoint.method().equals("GET") || endpoint.method().equals("DELETE") ? null : "{}";
            int anonymous = nobody.send(endpoint.method(), path, body, null).status();
            if (endpoint.open() ? anonymous == 401 || anonymous == 403 : anonymous != 401) {
                wrong.add(endpoint + " anonymous got " + anonymous);
            }
            for (var caller : callers.entrySet()) {
                int status = caller.getValue()
                        .send(endpoint.method(), path, body, null)
                        .status();
                boolean allowed = endpoint.open() || endpoint.allowed().contains(caller.getKey());
                if (allowed ? status == 401 || status == 403 : status != 403) {
                    wrong.add(endpoint.method() + " " + endpoint.path() + " as " + caller.getKey() + " got " + status
                            + (allowed ? " (should be allowed)" : " (should be 403)"));
                }
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(endpoints()).hasSizeGreaterThan(25);
    }

    private List<Endpoint> endpoints() {
        List<Endpoint> endpoints = new ArrayList<>();
        for (var entry : mappings.getHandlerMethods().entrySet()) {
            HandlerMethod handler = entry.getValue();
            RolesAllowed roles = handler.getMethodAnnotation(RolesAllowed.class);
            boolean open = handler.hasMethodAnnotation(PermitAll.class);
            for (String path : paths(entry.getKey())) {
                if (!path.startsWith("/v1/")) continue;
                for (var method : entry.getKey().getMethodsCondition().getMethods()) {
                    endpoints.add(
                            new Endpoint(method.name(), path, roles == null ? Set.of() : Set.of(roles.value()), open));
                }
            }
        }
        return endpoints;
    }

    private static Set<String> paths(RequestMappingInfo info) {
        return info.getPathPatternsCondition() == null
                ? Set.of()
                : info.getPathPatternsCondition().getPatternValues();
    }

    private String freshToken(String account) {
        return http.anonymous()
                .post(
                        "/v1/auth/token",
                        "{\"username\":\"%s\",\"password\":\"%s-demo-pass\"}".formatted(account, account))
                .json()
                .path("token")
                .asString();
    }
}
