package org.parkline.server.pricing;

import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.parkline.pricing.InvalidRuleSetException;
import org.parkline.pricing.RuleSet;
import org.parkline.server.common.ApiProblem;
import org.parkline.server.lots.Lot;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a rule-set document an operator sent for a lot (to publish or to simulate). A document that cannot be used
 * is refused with 422 {@code invalid-rule-set} and every problem in {@code errors}, the lot's currency included.
 */
final class RuleSetDocuments {

    static final String DRAFT = "draft";

    private RuleSetDocuments() {}

    /**
     * @param where prefixed to each problem when the request carries more than one document (e.g.
     *     {@code "compareWith.draft: "}), empty otherwise
     * @param label the version label quotes will carry, e.g. {@code draft}
     * @throws ApiProblem 422 {@code invalid-rule-set} with every problem in {@code errors}
     */
    static RuleSet parse(JsonMapper json, Lot lot, @Nullable JsonNode document, String where, String label) {
        try {
            return read(json, lot, document, where, label);
        } catch (InvalidRuleSetException e) {
            List<String> problems = e.problems();
            String detail = problems.size() == 1
                    ? problems.getFirst()
                    : "The rule set has " + problems.size() + " problems: " + String.join(" ", problems);
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-rule-set", "Rule set refused", detail)
                    .with("errors", problems);
        }
    }

    /** The tariff in a new lot's layout: refused like any other invalid part of the layout (400, "pricing: ..."). */
    static RuleSet parseLayout(JsonMapper json, Lot lot, JsonNode document) {
        try {
            return read(json, lot, document, "pricing: ", "1");
        } catch (InvalidRuleSetException e) {
            throw ApiProblem.invalid(String.join("; ", e.problems())).with("errors", e.problems());
        }
    }

    private static RuleSet read(JsonMapper json, Lot lot, @Nullable JsonNode document, String where, String label) {
        if (document == null || !document.isObject()) {
            throw new InvalidRuleSetException(List.of(where + "document: must be a JSON object such as {\"currency\":\""
                    + lot.currency().getCurrencyCode() + "\",\"rules\":[...]}."));
        }
        List<String> problems = new ArrayList<>();
        RuleSet rules = null;
        try {
            rules = RuleSet.parse(label, json.writeValueAsString(document));
        } catch (InvalidRuleSetException e) {
            e.problems().forEach(p -> problems.add(where + p));
        }
        String currency = document.path("currency").asString("");
        if (isCurrency(currency) && !currency.equals(lot.currency().getCurrencyCode())) {
            problems.add(where + "document: field \"currency\" is " + currency + " but lot " + lot.id()
                    + " charges in " + lot.currency().getCurrencyCode()
                    + "; a lot's rule set must use the lot's currency.");
        }
        if (!problems.isEmpty() || rules == null) throw new InvalidRuleSetException(problems);
        return rules;
    }

    private static boolean isCurrency(String code) {
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
