import com.clickairtime.balance.openapi.BalanceSpec;
import com.clickairtime.balance.openapi.ExampleCase;

/**
 * What third-party tools must run from balance.yaml, read from the spec as the kit pairs it:
 * the cases sent with the one default key (Specmatic runs each), and the operations (Portman
 * makes one request each), and the one key they send, the default sandbox key. Prints the
 * three, separated by spaces.
 */
public class ToolCases {
    public static void main(String[] args) {
        BalanceSpec spec = BalanceSpec.read(java.nio.file.Path.of(args[0]));
        long defaultKeyCases = spec.cases().stream()
                .filter(c -> c.credentials().kind() == ExampleCase.Credentials.Kind.ANY_VALID_KEY).count();
        long operations = spec.openApi().getPaths().values().stream().mapToLong(p -> p.readOperations().size()).sum();
        System.out.println(defaultKeyCases + " " + operations + " " + spec.defaultSandboxKey().orElseThrow());
    }
}
