import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.nio.file.Path;
import java.time.Instant;

/**
 * A demo key of another account than the given key's, usable now from anywhere with every
 * permission the given key has: what a journey sends to prove that one account's documented
 * data is not another's. Usage: OtherAccountKey <dataset.yaml> <key>; prints the key.
 */
public class OtherAccountKey {

    public static void main(String[] args) throws Exception {
        JsonNode keys = new YAMLMapper().readTree(Path.of(args[0]).toFile()).path("api_keys");
        JsonNode own = null;
        for (JsonNode key : keys) {
            if (key.path("key").asText().equals(args[1])) {
                own = key;
            }
        }
        if (own == null) {
            throw new IllegalArgumentException("the dataset has no such key");
        }
        for (JsonNode key : keys) {
            boolean usable = !key.path("revoked").asBoolean(false) && key.path("allowed_ips").isEmpty()
                    && (!key.has("expires_at") || Instant.parse(key.path("expires_at").asText()).isAfter(Instant.now()));
            boolean permitted = true;
            for (JsonNode permission : own.path("permissions")) {
                permitted &= key.path("permissions").toString().contains(permission.toString());
            }
            if (usable && permitted && !key.path("account").asText().equals(own.path("account").asText())) {
                System.out.println(key.path("key").asText());
                return;
            }
        }
        throw new IllegalStateException("the dataset has no usable key of another account");
    }
}
