package dev.loglake.deploy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.Map;

/** One YAML document as plain maps, lists and scalars. */
final class Yaml {
    private static final YAMLMapper MAPPER = new YAMLMapper();

    private Yaml() {}

    static Map<String, Object> map(String yaml, String fileName) {
        try {
            Map<String, Object> map = MAPPER.readValue(yaml, new TypeReference<Map<String, Object>>() {});
            return map == null ? Map.of() : map;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(fileName + ": " + e.getOriginalMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> child(Map<String, Object> map, String key) {
        return map.get(key) instanceof Map<?, ?> child ? (Map<String, Object>) child : Map.of();
    }
}
