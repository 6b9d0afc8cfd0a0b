package com.clickairtime.balance.openapi.changes;

import com.clickairtime.balance.openapi.BalanceSpec;
import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.parameters.Parameter;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedApiResponse;
import org.openapitools.openapidiff.core.model.ChangedContent;
import org.openapitools.openapidiff.core.model.ChangedHeader;
import org.openapitools.openapidiff.core.model.ChangedHeaders;
import org.openapitools.openapidiff.core.model.ChangedMetadata;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.model.ChangedOperation;
import org.openapitools.openapidiff.core.model.ChangedParameter;
import org.openapitools.openapidiff.core.model.ChangedParameters;
import org.openapitools.openapidiff.core.model.ChangedResponse;
import org.openapitools.openapidiff.core.model.DiffResult;
import org.openapitools.openapidiff.core.model.Endpoint;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The operations, parameters, responses, headers and media types that came, went or changed
 * their flags: openapi-diff-core finds them, and this class gives each a level per audience.
 *
 * <p>Schemas are {@link SchemaChanges}' business, security {@link SecurityChanges}', extensions,
 * servers and the rest of the document {@link DocumentChanges}', examples {@link ExampleChanges}'.
 * Where openapi-diff-core's verdict is not the one this kit wants, the rule here decides, and
 * {@code ChangeCatalogueTest} proves it: a path whose operation kept its {@code operationId} is
 * one move, not a removal and an unrelated addition; a new operation or a new optional parameter
 * breaks implementers of the generated server interface (it gains a method, or a method changes
 * its signature) while clients carry on; a new response whose examples document error codes is
 * judged as a new code ({@link ErrorChanges}), one without them stays compatible.
 */
final class StructuralChanges {

    private static final String SEP = " > ";

    private final List<ApiChange> changes = new ArrayList<>();
    private final BalanceSpec current;

    private StructuralChanges(BalanceSpec current) {
        this.current = current;
    }

    static List<ApiChange> between(BalanceSpec baseline, BalanceSpec current) {
        ChangedOpenApi diff = OpenApiCompare.fromContents(baseline.text(), current.text());
        StructuralChanges walk = new StructuralChanges(current);
        walk.endpoints(diff.getMissingEndpoints(), diff.getNewEndpoints());
        for (ChangedOperation operation : diff.getChangedOperations()) {
            walk.operation(operation);
        }
        return walk.changes;
    }

    private void add(Level clients, Level implementers, String kind, String location, String message) {
        changes.add(new ApiChange(clients, implementers, kind, location, message));
    }

    private void both(Level level, String kind, String location, String message) {
        add(level, level, kind, location, message);
    }

    // An operation that kept its operationId under another path is one move: the generated SDKs keep
    // their method and only the URL changes, which breaks every existing caller all the same.
    private void endpoints(List<Endpoint> missing, List<Endpoint> added) {
        Map<String, Endpoint> addedById = new LinkedHashMap<>();
        List<Endpoint> addedWithoutId = new ArrayList<>();
        for (Endpoint endpoint : added) {
            String id = endpoint.getOperation().getOperationId();
            if (id == null) {
                addedWithoutId.add(endpoint);
            } else {
                addedById.put(id, endpoint);
            }
        }
        for (Endpoint gone : missing) {
            String id = gone.getOperation().getOperationId();
            Endpoint moved = id == null ? null : addedById.remove(id);
            if (moved != null) {
                both(Level.BREAKING, "operation-moved", where(gone),
                        "operation " + id + " moved from " + where(gone) + " to " + where(moved));
            } else {
                both(Level.BREAKING, "operation-removed", where(gone),
                        "operation " + Objects.toString(id, "(no operationId)") + " removed");
            }
        }
        addedWithoutId.addAll(addedById.values());
        for (Endpoint endpoint : addedWithoutId) {
            // The generated interface has no default methods: every implementation must add this one.
            add(Level.COMPATIBLE, Level.BREAKING, "operation-added", where(endpoint),
                    "operation " + Objects.toString(endpoint.getOperation().getOperationId(), "(no operationId)")
                            + " added: implementations of the server interface must implement it");
        }
    }

    private static String where(Endpoint endpoint) {
        return endpoint.getMethod() + " " + endpoint.getPathUrl();
    }

    private void operation(ChangedOperation operation) {
        String at = operation.getHttpMethod() + " " + operation.getPathUrl();
        metadata(operation.getSummary(), at, "summary");
        metadata(operation.getDescription(), at, "description");
        if (operation.getOperationId() != null && operation.getOperationId().isDifferent()) {
            Operation before = operation.getOldOperation();
            Operation after = operation.getNewOperation();
            // The generated SDKs and the server interface name their methods after it.
            both(Level.BREAKING, "operation-id-changed", at,
                    "operationId " + before.getOperationId() + " became " + after.getOperationId());
        }
        if (operation.isDeprecated()) {
            both(Level.COMPATIBLE, "operation-deprecated", at, "operation deprecated");
        }
        parameters(operation.getParameters(), at);
        if (operation.getRequestBody() != null && operation.getRequestBody().isDifferent()) {
            if (operation.getRequestBody().getContent() != null) {
                content(operation.getRequestBody().getContent(), at + SEP + "request body", false);
            } else {
                both(level(operation.getRequestBody().isChanged()), "request-body-changed", at, "request body changed");
            }
        }
        JsonNode written = current.deref(current.raw().path("paths").path(operation.getPathUrl()))
                .path(operation.getHttpMethod().name().toLowerCase(Locale.ROOT));
        responses(operation.getApiResponses(), at, written);
    }

    private void parameters(ChangedParameters parameters, String at) {
        if (parameters == null) {
            return;
        }
        for (Parameter added : parameters.getIncreased()) {
            String place = at + SEP + added.getIn() + " parameter " + added.getName();
            if (Boolean.TRUE.equals(added.getRequired())) {
                both(Level.BREAKING, "required-parameter-added", place,
                        "new required " + added.getIn() + " parameter " + added.getName());
            } else {
                // The generated interface method gains an argument: getBalance() becomes getBalance(String currency).
                add(Level.COMPATIBLE, Level.BREAKING, "parameter-added", place,
                        "new optional " + added.getIn() + " parameter " + added.getName()
                                + ": the server interface's method gains an argument");
            }
        }
        for (Parameter removed : parameters.getMissing()) {
            both(Level.BREAKING, "parameter-removed", at + SEP + removed.getIn() + " parameter " + removed.getName(),
                    removed.getIn() + " parameter " + removed.getName() + " removed");
        }
        for (ChangedParameter changed : parameters.getChanged()) {
            String place = at + SEP + changed.getIn() + " parameter " + changed.getName();
            if (changed.isChangeRequired()) {
                boolean nowRequired = Boolean.TRUE.equals(changed.getNewParameter().getRequired());
                if (nowRequired) {
                    add(Level.BREAKING, Level.COMPATIBLE, "parameter-made-required", place,
                            "parameter " + changed.getName() + " is now required");
                } else {
                    add(Level.COMPATIBLE, Level.BREAKING, "parameter-made-optional", place,
                            "parameter " + changed.getName() + " is now optional: implementations must do without it");
                }
            }
            if (changed.isChangeStyle() || changed.isChangeExplode() || changed.isChangeAllowEmptyValue()) {
                both(level(changed.isCoreChanged()), "parameter-serialisation-changed", place,
                        "style, explode or allowEmptyValue of " + changed.getName() + " changed");
            }
            if (changed.isDeprecated()) {
                both(Level.COMPATIBLE, "parameter-deprecated", place, "parameter " + changed.getName() + " deprecated");
            }
            metadata(changed.getDescription(), place, "description");
        }
    }

    private void responses(ChangedApiResponse responses, String at, JsonNode operation) {
        if (responses == null) {
            return;
        }
        responses.getIncreased().keySet().forEach(status -> {
            Set<String> codes = ErrorChanges.codes(current, status, operation.path("responses").path(status));
            if (codes.isEmpty()) {
                // Nothing documents what it carries: no code to answer, no case to pass, nothing the SDKs type.
                both(Level.COMPATIBLE, "response-added", at + SEP + status, "new response " + status);
            } else {
                // A documented error, as a new generic code: implementations must answer it, clients may meet it.
                add(Level.POTENTIALLY_BREAKING, Level.BREAKING, "response-added", at + SEP + status,
                        "new response " + status + " documenting " + String.join(", ", codes)
                                + ": implementations must answer it, clients may meet it");
            }
        });
        // Clients are no longer promised it; implementations must stop answering with it.
        responses.getMissing().keySet().forEach(status ->
                add(Level.POTENTIALLY_BREAKING, Level.BREAKING, "response-removed", at + SEP + status,
                        "response " + status + " removed"));
        responses.getChanged().forEach((status, response) -> response(response, at + SEP + status));
    }

    private void response(ChangedResponse response, String at) {
        metadata(response.getDescription(), at, "description");
        headers(response.getHeaders(), at);
        if (response.getContent() != null) {
            content(response.getContent(), at, true);
        }
    }

    private void headers(ChangedHeaders headers, String at) {
        if (headers == null) {
            return;
        }
        headers.getIncreased().forEach((name, header) -> {
            String place = at + SEP + "header " + name;
            if (Boolean.TRUE.equals(header.getRequired())) {
                add(Level.COMPATIBLE, Level.BREAKING, "response-header-added", place,
                        "new required response header " + name + ": implementations must send it");
            } else {
                both(Level.COMPATIBLE, "response-header-added", place, "new optional response header " + name);
            }
        });
        headers.getMissing().forEach((name, header) -> add(Level.BREAKING, Level.COMPATIBLE, "response-header-removed",
                at + SEP + "header " + name, "response header " + name + " removed"));
        for (Map.Entry<String, ChangedHeader> entry : headers.getChanged().entrySet()) {
            ChangedHeader header = entry.getValue();
            String place = at + SEP + "header " + entry.getKey();
            if (header.isRequired()) {
                Header after = header.getNewHeader();
                if (Boolean.TRUE.equals(after.getRequired())) {
                    add(Level.COMPATIBLE, Level.BREAKING, "response-header-made-required", place,
                            "header " + entry.getKey() + " is now always sent");
                } else {
                    add(Level.BREAKING, Level.COMPATIBLE, "response-header-made-optional", place,
                            "header " + entry.getKey() + " may now be left out");
                }
            }
            if (header.isDeprecated()) {
                both(Level.COMPATIBLE, "response-header-deprecated", place, "header " + entry.getKey() + " deprecated");
            }
            if (header.isStyle() || header.isExplode()) {
                both(level(header.isCoreChanged()), "response-header-serialisation-changed", place,
                        "style or explode of header " + entry.getKey() + " changed");
            }
            metadata(header.getDescription(), place, "description");
        }
    }

    private void content(ChangedContent content, String at, boolean response) {
        content.getIncreased().keySet().forEach(type ->
                both(Level.COMPATIBLE, "media-type-added", at + SEP + type, "new media type " + type));
        content.getMissing().keySet().forEach(type ->
                both(Level.BREAKING, "media-type-removed", at + SEP + type, "media type " + type + " removed"));
    }

    private void metadata(ChangedMetadata metadata, String place, String what) {
        if (metadata != null && metadata.isDifferent()) {
            both(Level.COMPATIBLE, what + "-changed", place, what + " edited");
        }
    }

    /** openapi-diff-core's own verdict, where no rule of this kit overrides it. */
    static Level level(DiffResult result) {
        return switch (result) {
            case INCOMPATIBLE -> Level.BREAKING;
            case UNKNOWN -> Level.POTENTIALLY_BREAKING;
            default -> Level.COMPATIBLE;
        };
    }
}
