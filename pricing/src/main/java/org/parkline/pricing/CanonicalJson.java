package org.parkline.pricing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Writes a JSON tree with object keys sorted, recursively, and without whitespace. */
final class CanonicalJson {

    private CanonicalJson() {}

    static String write(JsonNode root, JsonMapper mapper) {
        return mapper.writeValueAsString(sorted(root));
    }

    private static Object sorted(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> map = new TreeMap<>();
            for (Map.Entry<String, JsonNode> entry : node.properties()) {
                map.put(entry.getKey(), sorted(entry.getValue()));
            }
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            for (JsonNode element : node.values()) {
                list.add(sorted(element));
            }
            return list;
        }
        return node;
    }
}
