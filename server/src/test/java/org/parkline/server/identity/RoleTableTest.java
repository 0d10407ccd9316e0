package org.parkline.server.identity;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The role table in docs/security.md is generated from the {@code @RolesAllowed} / {@code @PermitAll} annotations:
 * this test builds it from the code and fails, printing the table to paste, when the document says otherwise.
 */
class RoleTableTest {

    private static final List<String> ROLE_ORDER = List.of(
            Roles.ADMIN,
            Roles.OPERATOR,
            Roles.OFFICER,
            Roles.ADJUDICATOR,
            Roles.ANALYST,
            Roles.AUDITOR,
            Roles.GATE,
            Roles.PARKER);

    record Row(String path, String method, String roles) {
        String markdown() {
            return "| " + method + " | `" + path + "` | " + roles + " |";
        }
    }

    @Test
    void theRoleTableInTheSecurityDocumentMatchesTheCode() throws IOException {
        String table = table();
        Path doc = Path.of("..", "docs", "security.md");
        String text = Files.readString(doc);
        int start = text.indexOf("<!-- role-table:start -->");
        int end = text.indexOf("<!-- role-table:end -->");
        assertThat(start).as("role table markers in docs/security.md").isNotNegative();
        String documented = text.substring(start + "<!-- role-table:start -->".length(), end)
                .strip();
        assertThat(documented)
                .as("docs/security.md role table is out of date; replace it with:%n%s%n", table)
                .isEqualTo(table);
    }

    static String table() {
        List<Row> rows = new ArrayList<>();
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(RestController.class));
        for (BeanDefinition bean : scanner.findCandidateComponents("org.parkline.server")) {
            Class<?> type;
            try {
                type = Class.forName(bean.getBeanClassName());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
            for (Method method : type.getDeclaredMethods()) {
                RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(method, RequestMapping.class);
                if (mapping == null) continue;
                for (String path : mapping.path()) {
                    if (!path.startsWith("/v1/")) continue;
                    for (var verb : mapping.method()) {
                        rows.add(new Row(path, verb.name(), roles(method)));
                    }
                }
            }
        }
        rows.sort(Comparator.comparing(Row::path).thenComparing(Row::method));
        StringBuilder out = new StringBuilder("| method | path | who may call it |\n|---|---|---|\n");
        for (Row row : rows) out.append(row.markdown()).append('\n');
        return out.toString().strip();
    }

    private static String roles(Method method) {
        if (method.isAnnotationPresent(PermitAll.class)) return "anyone";
        RolesAllowed allowed = method.getAnnotation(RolesAllowed.class);
        if (allowed == null) return "**nobody (undeclared)**";
        return Arrays.stream(allowed.value())
                .sorted(Comparator.comparingInt(ROLE_ORDER::indexOf))
                .reduce((a, b) -> a + ", " + b)
                .orElse("");
    }
}
