package com.clickairtime.balance.openapi.changes;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.Changed;
import org.openapitools.openapidiff.core.model.ChangedApiResponse;
import org.openapitools.openapidiff.core.model.ChangedContent;
import org.openapitools.openapidiff.core.model.ChangedExtensions;
import org.openapitools.openapidiff.core.model.ChangedHeader;
import org.openapitools.openapidiff.core.model.ChangedHeaders;
import org.openapitools.openapidiff.core.model.ChangedMediaType;
import org.openapitools.openapidiff.core.model.ChangedMetadata;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.model.ChangedOperation;
import org.openapitools.openapidiff.core.model.ChangedParameter;
import org.openapitools.openapidiff.core.model.ChangedParameters;
import org.openapitools.openapidiff.core.model.ChangedResponse;
import org.openapitools.openapidiff.core.model.ChangedSchema;
import org.openapitools.openapidiff.core.model.ChangedSecurityRequirement;
import org.openapitools.openapidiff.core.model.ChangedSecurityRequirements;
import org.openapitools.openapidiff.core.model.ChangedSecurityScheme;
import org.openapitools.openapidiff.core.model.DiffResult;
import org.openapitools.openapidiff.core.model.Endpoint;
import org.openapitools.openapidiff.core.model.schema.ChangedEnum;
import org.openapitools.openapidiff.core.model.schema.ChangedRequired;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * The structural comparison: openapi-diff-core finds what changed, and this class turns its tree
 * into flat {@link ApiChange}s with a location each.
 *
 * <p>Where openapi-diff-core's verdict is not the one this kit wants, the rule here decides, and
 * {@code ChangeCatalogueTest} proves it: a path whose operation kept its {@code operationId} is one
 * move, not a removal and an unrelated addition; a removed response property is breaking whether
 * or not it was required; an enum value added to a response is potentially breaking (strict
 * clients reject it), one removed from a response is harmless, and the reverse holds for requests.
 * Examples are left to {@link ExampleChanges}, {@code x-required-permissions} to {@link PermissionChanges}.
 */
final class StructuralChanges {

    private static final String SEP = " > ";

    private final List<ApiChange> changes = new ArrayList<>();
    private final Map<String, SecurityScheme> oldSchemes;
    private final Map<String, SecurityScheme> newSchemes;
    /** openapi-diff-core shares schema diffs between places; a recursive schema must not loop. */
    private final Set<ChangedSchema> onPath = Collections.newSetFromMap(new IdentityHashMap<>());

    private StructuralChanges(ChangedOpenApi diff) {
        oldSchemes = schemes(diff.getOldSpecOpenApi());
        newSchemes = schemes(diff.getNewSpecOpenApi());
    }

    private static Map<String, SecurityScheme> schemes(OpenAPI api) {
        return api.getComponents() == null || api.getComponents().getSecuritySchemes() == null
                ? Map.of() : api.getComponents().getSecuritySchemes();
    }

    static List<ApiChange> between(String baselineText, String currentText) {
        ChangedOpenApi diff = OpenApiCompare.fromContents(baselineText, currentText);
        StructuralChanges walk = new StructuralChanges(diff);
        walk.endpoints(diff.getMissingEndpoints(), diff.getNewEndpoints());
        for (ChangedOperation operation : diff.getChangedOperations()) {
            walk.operation(operation);
        }
        return walk.changes;
    }

    private void add(Level level, String kind, String location, String message) {
        changes.add(new ApiChange(level, kind, location, message));
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
                add(Level.BREAKING, "operation-moved", where(gone),
                        "operation " + id + " moved from " + where(gone) + " to " + where(moved));
            } else {
                add(Level.BREAKING, "operation-removed", where(gone),
                        "operation " + Objects.toString(id, "(no operationId)") + " removed");
            }
        }
        addedWithoutId.addAll(addedById.values());
        for (Endpoint endpoint : addedWithoutId) {
            add(Level.COMPATIBLE, "operation-added", where(endpoint),
                    "operation " + Objects.toString(endpoint.getOperation().getOperationId(), "(no operationId)") + " added");
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
            // The generated SDKs name their methods after it.
            add(Level.BREAKING, "operation-id-changed", at,
                    "operationId " + before.getOperationId() + " became " + after.getOperationId());
        }
        if (operation.isDeprecated()) {
            add(Level.COMPATIBLE, "operation-deprecated", at, "operation deprecated");
        }
        parameters(operation.getParameters(), at);
        if (operation.getRequestBody() != null && operation.getRequestBody().isDifferent()) {
            add(level(operation.getRequestBody().isChanged()), "request-body-changed", at,
                    "request body changed");
        }
        responses(operation.getApiResponses(), at);
        security(operation.getSecurityRequirements(), at);
        extensions(operation.getExtensions(), at);
    }

    private void parameters(ChangedParameters parameters, String at) {
        if (parameters == null) {
            return;
        }
        for (Parameter added : parameters.getIncreased()) {
            String place = at + SEP + added.getIn() + " parameter " + added.getName();
            if (Boolean.TRUE.equals(added.getRequired())) {
                add(Level.BREAKING, "required-parameter-added", place,
                        "new required " + added.getIn() + " parameter " + added.getName());
            } else {
                add(Level.COMPATIBLE, "parameter-added", place,
                        "new optional " + added.getIn() + " parameter " + added.getName());
            }
        }
        for (Parameter removed : parameters.getMissing()) {
            add(Level.BREAKING, "parameter-removed", at + SEP + removed.getIn() + " parameter " + removed.getName(),
                    removed.getIn() + " parameter " + removed.getName() + " removed");
        }
        for (ChangedParameter changed : parameters.getChanged()) {
            String place = at + SEP + changed.getIn() + " parameter " + changed.getName();
            if (changed.isChangeRequired()) {
                boolean nowRequired = Boolean.TRUE.equals(changed.getNewParameter().getRequired());
                add(nowRequired ? Level.BREAKING : Level.COMPATIBLE,
                        nowRequired ? "parameter-made-required" : "parameter-made-optional", place,
                        "parameter " + changed.getName() + (nowRequired ? " is now required" : " is now optional"));
            }
            if (changed.isChangeStyle() || changed.isChangeExplode() || changed.isChangeAllowEmptyValue()) {
                add(level(changed.isCoreChanged()), "parameter-serialisation-changed", place,
                        "style, explode or allowEmptyValue of " + changed.getName() + " changed");
            }
            if (changed.isDeprecated()) {
                add(Level.COMPATIBLE, "parameter-deprecated", place, "parameter " + changed.getName() + " deprecated");
            }
            metadata(changed.getDescription(), place, "description");
            if (changed.getSchema() != null) {
                schema(changed.getSchema(), place, "", false);
            }
            if (changed.getContent() != null) {
                content(changed.getContent(), place, false);
            }
            extensions(changed.getExtensions(), place);
        }
    }

    private void responses(ChangedApiResponse responses, String at) {
        if (responses == null) {
            return;
        }
        responses.getIncreased().keySet().forEach(status ->
                add(Level.COMPATIBLE, "response-added", at + SEP + status, "new response " + status));
        responses.getMissing().keySet().forEach(status ->
                add(Level.BREAKING, "response-removed", at + SEP + status, "response " + status + " removed"));
        responses.getChanged().forEach((status, response) -> response(response, at + SEP + status));
        extensions(responses.getExtensions(), at + SEP + "responses");
    }

    private void response(ChangedResponse response, String at) {
        metadata(response.getDescription(), at, "description");
        headers(response.getHeaders(), at);
        if (response.getContent() != null) {
            content(response.getContent(), at, true);
        }
        extensions(response.getExtensions(), at);
    }

    private void headers(ChangedHeaders headers, String at) {
        if (headers == null) {
            return;
        }
        headers.getIncreased().forEach((name, header) ->
                add(Level.COMPATIBLE, "response-header-added", at + SEP + "header " + name, "new response header " + name));
        headers.getMissing().forEach((name, header) ->
                add(Level.BREAKING, "response-header-removed", at + SEP + "header " + name, "response header " + name + " removed"));
        for (Map.Entry<String, ChangedHeader> entry : headers.getChanged().entrySet()) {
            ChangedHeader header = entry.getValue();
            String place = at + SEP + "header " + entry.getKey();
            if (header.isRequired()) {
                boolean nowRequired = Boolean.TRUE.equals(header.getNewHeader().getRequired());
                add(nowRequired ? Level.COMPATIBLE : Level.BREAKING,
                        nowRequired ? "response-header-made-required" : "response-header-made-optional", place,
                        "header " + entry.getKey() + (nowRequired ? " is now always sent" : " may now be left out"));
            }
            if (header.isDeprecated()) {
                add(Level.COMPATIBLE, "response-header-deprecated", place, "header " + entry.getKey() + " deprecated");
            }
            if (header.isStyle() || header.isExplode()) {
                add(level(header.isCoreChanged()), "response-header-serialisation-changed", place,
                        "style or explode of header " + entry.getKey() + " changed");
            }
            metadata(header.getDescription(), place, "description");
            if (header.getSchema() != null) {
                schema(header.getSchema(), place, "", true);
            }
            if (header.getContent() != null) {
                content(header.getContent(), place, true);
            }
            extensions(header.getExtensions(), place);
        }
    }

    private void content(ChangedContent content, String at, boolean response) {
        content.getIncreased().keySet().forEach(type ->
                add(Level.COMPATIBLE, "media-type-added", at + SEP + type, "new media type " + type));
        content.getMissing().keySet().forEach(type ->
                add(Level.BREAKING, "media-type-removed", at + SEP + type, "media type " + type + " removed"));
        content.getChanged().forEach((type, mediaType) -> mediaType(mediaType, at + SEP + type, response));
    }

    private void mediaType(ChangedMediaType mediaType, String at, boolean response) {
        // Its examples are ExampleChanges' business: there they are compared with their decimals intact.
        if (mediaType.getSchema() != null) {
            schema(mediaType.getSchema(), at, "", response);
        }
    }

    private void schema(ChangedSchema schema, String at, String property, boolean response) {
        if (!onPath.add(schema)) {
            return;
        }
        try {
            schemaOnce(schema, at, property, response);
        } finally {
            onPath.remove(schema);
        }
    }

    private void schemaOnce(ChangedSchema schema, String at, String property, boolean response) {
        String place = property.isEmpty() ? at : at + SEP + property;
        if (schema.isChangedType()) {
            add(Level.BREAKING, "type-changed", place,
                    "type " + typeOf(schema.getOldSchema()) + " became " + typeOf(schema.getNewSchema()));
            return;
        }
        if (schema.isChangeFormat()) {
            // int32 to int64, or date-time to date, changes the generated SDKs' types.
            add(Level.POTENTIALLY_BREAKING, "format-changed", place,
                    "format " + schema.getOldSchema().getFormat() + " became " + schema.getNewSchema().getFormat());
        }
        schema.getIncreasedProperties().keySet().forEach(name -> {
            boolean required = requiredIn(schema.getNewSchema(), name);
            add(!response && required ? Level.BREAKING : Level.COMPATIBLE,
                    response || !required ? "property-added" : "required-property-added",
                    at + SEP + join(property, name),
                    "new " + (required ? "required" : "optional") + " property " + name);
        });
        schema.getMissingProperties().keySet().forEach(name ->
                // Clients read it, whether the spec promised it always or only sometimes.
                add(response ? Level.BREAKING : Level.COMPATIBLE, "property-removed",
                        at + SEP + join(property, name), "property " + name + " removed"));
        required(schema.getRequired(), schema, at, property, response);
        enumeration(schema.getEnumeration(), place, response);
        metadata(schema.getDescription(), place, "description");
        if (schema.isChangeDeprecated()) {
            add(Level.COMPATIBLE, "deprecated-changed", place, "deprecated flag changed");
        }
        if (schema.isChangeDefault()) {
            add(Level.POTENTIALLY_BREAKING, "default-changed", place, "default value changed");
        }
        if (schema.isDiscriminatorPropertyChanged()) {
            add(Level.BREAKING, "discriminator-changed", place, "discriminator property changed");
        }
        constraint(schema.getPattern(), place, "pattern");
        constraint(schema.getMaxLength(), place, "maxLength");
        constraint(schema.getMinLength(), place, "minLength");
        constraint(schema.getNumericRange(), place, "numeric range");
        constraint(schema.getMultipleOf(), place, "multipleOf");
        constraint(schema.getMaxItems(), place, "maxItems");
        constraint(schema.getMinItems(), place, "minItems");
        constraint(schema.getMaxProperties(), place, "maxProperties");
        constraint(schema.getMinProperties(), place, "minProperties");
        constraint(schema.getUniqueItems(), place, "uniqueItems");
        constraint(schema.getNullable(), place, "nullable");
        constraint(schema.getReadOnly(), place, "readOnly");
        constraint(schema.getWriteOnly(), place, "writeOnly");
        constraint(schema.getOneOfSchema(), place, "oneOf");
        extensions(schema.getExtensions(), place);
        schema.getChangedProperties().forEach((name, changed) ->
                schema(changed, at, join(property, name), response));
        if (schema.getItems() != null) {
            schema(schema.getItems(), at, property + "[]", response);
        }
        if (schema.getAddProp() != null) {
            schema(schema.getAddProp(), at, join(property, "*"), response);
        }
    }

    private void required(ChangedRequired required, ChangedSchema schema, String at, String property, boolean response) {
        if (required == null || !required.isDifferent()) {
            return;
        }
        // A property that was added or removed is reported as such; only its flag change is news here.
        Set<String> before = propertyNames(schema.getOldSchema());
        Set<String> after = propertyNames(schema.getNewSchema());
        for (String name : required.getMissing()) {
            if (before.contains(name) && after.contains(name)) {
                add(response ? Level.BREAKING : Level.COMPATIBLE, "property-made-optional",
                        at + SEP + join(property, name), "property " + name + " is no longer required");
            }
        }
        for (String name : required.getIncreased()) {
            if (before.contains(name) && after.contains(name)) {
                add(response ? Level.COMPATIBLE : Level.BREAKING, "property-made-required",
                        at + SEP + join(property, name), "property " + name + " is now required");
            }
        }
    }

    private void enumeration(ChangedEnum<?> enumeration, String place, boolean response) {
        if (enumeration == null || !enumeration.isDifferent()) {
            return;
        }
        // A response may start sending a value that strict clients (generated enums) reject;
        // a request may stop accepting one that callers send.
        for (Object value : enumeration.getIncreased()) {
            add(response ? Level.POTENTIALLY_BREAKING : Level.COMPATIBLE, "enum-value-added", place,
                    "enum value " + value + " added");
        }
        for (Object value : enumeration.getMissing()) {
            add(response ? Level.COMPATIBLE : Level.BREAKING, "enum-value-removed", place,
                    "enum value " + value + " removed");
        }
    }

    private void constraint(Changed changed, String place, String name) {
        if (changed != null && changed.isDifferent()) {
            add(level(changed.isChanged()), name.replace(' ', '-').toLowerCase() + "-changed", place, name + " changed");
        }
    }

    private void metadata(ChangedMetadata metadata, String place, String what) {
        if (metadata != null && metadata.isDifferent()) {
            add(Level.COMPATIBLE, what + "-changed", place, what + " edited");
        }
    }

    private void extensions(ChangedExtensions extensions, String place) {
        if (extensions != null && extensions.isDifferent()) {
            add(level(extensions.isChanged()), "extension-changed", place, "x- extensions changed");
        }
    }

    // Inherited document-wide requirements count: openapi-diff-core applies them to each operation.
    private void security(ChangedSecurityRequirements security, String at) {
        if (security == null || !security.isDifferent()) {
            return;
        }
        Level level = level(security.isChanged());
        List<SecurityRequirement> added = new ArrayList<>(orEmpty(security.getIncreased()));
        for (SecurityRequirement requirement : orEmpty(security.getMissing())) {
            String place = at + SEP + "security " + requirement.keySet();
            // openapi-diff-core sees a scheme whose type changed as another requirement under the same name.
            if (added.removeIf(other -> other.keySet().equals(requirement.keySet()))) {
                for (String name : requirement.keySet()) {
                    schemeFields(oldSchemes.get(name), newSchemes.get(name), place);
                }
            } else {
                add(level, "security-requirement-removed", place, "security requirement " + requirement.keySet() + " removed");
            }
        }
        for (SecurityRequirement requirement : added) {
            add(level, "security-requirement-added", at + SEP + "security " + requirement.keySet(),
                    "security requirement " + requirement.keySet() + " added");
        }
        for (ChangedSecurityRequirement requirement : orEmpty(security.getChanged())) {
            for (ChangedSecurityScheme scheme : orEmpty(requirement.getChanged())) {
                String place = at + SEP + "security " + requirement.getNewSecurityRequirement().keySet();
                SecurityScheme before = scheme.getOldSecurityScheme();
                SecurityScheme after = scheme.getNewSecurityScheme();
                Level schemeLevel = level(scheme.isCoreChanged());
                if (scheme.isChangedType()) {
                    add(schemeLevel, "security-scheme-changed", place, "type " + before.getType() + " became " + after.getType());
                }
                if (scheme.isChangedScheme()) {
                    add(schemeLevel, "security-scheme-changed", place, "scheme " + before.getScheme() + " became " + after.getScheme());
                }
                if (scheme.isChangedIn()) {
                    add(schemeLevel, "security-scheme-changed", place, "in " + before.getIn() + " became " + after.getIn());
                }
                if (scheme.isChangedBearerFormat()) {
                    add(schemeLevel, "security-scheme-changed", place, "bearerFormat changed");
                }
                if (scheme.isChangedOpenIdConnectUrl() || scheme.getOAuthFlows() != null || scheme.getChangedScopes() != null) {
                    add(level(scheme.isChanged()), "security-scheme-changed", place, "OpenID Connect or OAuth details changed");
                }
                metadata(scheme.getDescription(), place, "description");
            }
        }
    }

    private void schemeFields(SecurityScheme before, SecurityScheme after, String place) {
        if (before == null || after == null) {
            add(Level.BREAKING, "security-scheme-changed", place, "security scheme " + (after == null ? "removed" : "added"));
            return;
        }
        Map<String, Function<SecurityScheme, Object>> wire = new LinkedHashMap<>();
        wire.put("type", SecurityScheme::getType);
        wire.put("scheme", SecurityScheme::getScheme);
        wire.put("in", SecurityScheme::getIn);
        wire.put("name", SecurityScheme::getName);
        wire.put("bearerFormat", SecurityScheme::getBearerFormat);
        wire.forEach((field, value) -> {
            if (!Objects.equals(value.apply(before), value.apply(after))) {
                add(Level.BREAKING, "security-scheme-changed", place,
                        field + " " + Objects.toString(value.apply(before), "(none)") + " became " + Objects.toString(value.apply(after), "(none)"));
            }
        });
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    /** openapi-diff-core's own verdict, where no rule of this kit overrides it. */
    static Level level(DiffResult result) {
        return switch (result) {
            case INCOMPATIBLE -> Level.BREAKING;
            case UNKNOWN -> Level.POTENTIALLY_BREAKING;
            default -> Level.COMPATIBLE;
        };
    }

    private static String join(String property, String name) {
        return property.isEmpty() ? name : property + "." + name;
    }

    private static boolean requiredIn(Schema<?> schema, String name) {
        return schema != null && schema.getRequired() != null && schema.getRequired().contains(name);
    }

    private static Set<String> propertyNames(Schema<?> schema) {
        return schema == null || schema.getProperties() == null ? Set.of() : schema.getProperties().keySet();
    }

    private static String typeOf(Schema<?> schema) {
        if (schema == null) {
            return "(none)";
        }
        if (schema.getType() != null) {
            return schema.getType();
        }
        return schema.getTypes() == null ? "(untyped)" : schema.getTypes().toString();
    }
}
