package io.itsm.core.json;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.AnnotatedConstructor;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.AnnotatedMethod;
import com.fasterxml.jackson.databind.introspect.AnnotatedParameter;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * docs/json.md's rules for absent values, applied to every record of the model (and to the
 * documents of this package) so that a new record needs no annotations:
 *
 * <ul>
 *   <li>an {@link Optional}, a collection or a map is optional: absent or {@code null} reads as
 *       empty; a {@code null} inside a collection is an error;
 *   <li>a string named {@code description}, {@code note}, {@code reason} or {@code comment} is free
 *       text: absent or {@code null} reads as {@code ""};
 *   <li>every other component is required: absent is "required, but missing", {@code null} is
 *       "required, but was null".
 * </ul>
 *
 * <p>A record's other methods, such as {@code Approval.isDecided()}, are not properties.
 *
 * <p>A mixin overrides the rules for one property with {@code @JsonProperty(required = true)}
 * (required although optional by type), {@code @JsonProperty(defaultValue = "...")} (optional,
 * absent reads as the Java default, for example {@code false}) or {@link Scalars.FreeText} (free
 * text under another name).
 *
 * <p>Immutable and thread-safe.
 */
final class FormatRules extends JacksonAnnotationIntrospector {

  private static final long serialVersionUID = 1L;

  /** Names of free-text string properties. */
  static final Set<String> FREE_TEXT = Set.of("description", "note", "reason", "comment");

  @Override
  public Boolean hasRequiredMarker(AnnotatedMember m) {
    JsonProperty property = _findAnnotation(m, JsonProperty.class);
    if (property != null && property.required()) {
      return Boolean.TRUE;
    }
    if (property != null && !property.defaultValue().isEmpty()) {
      return Boolean.FALSE;
    }
    if (!isModelRecord(m)) {
      return super.hasRequiredMarker(m);
    }
    return !isOptionalByType(m.getRawType()) && !isFreeText(m);
  }

  @Override
  public boolean hasIgnoreMarker(AnnotatedMember m) {
    if (m instanceof AnnotatedMethod method
        && method.getParameterCount() == 0
        && isModelRecord(m)
        && Arrays.stream(m.getDeclaringClass().getRecordComponents())
            .noneMatch(c -> c.getName().equals(method.getName()))) {
      return true;
    }
    return super.hasIgnoreMarker(m);
  }

  @Override
  public JsonSetter.Value findSetterInfo(Annotated a) {
    if (a instanceof AnnotatedMember m && isModelRecord(m)) {
      if (Boolean.TRUE.equals(hasRequiredMarker(m))) {
        return JsonSetter.Value.forValueNulls(Nulls.FAIL, Nulls.FAIL);
      }
      if (isOptionalByType(m.getRawType())) {
        return JsonSetter.Value.forValueNulls(Nulls.AS_EMPTY, Nulls.FAIL);
      }
      if (isFreeText(m)) {
        return JsonSetter.Value.forValueNulls(Nulls.AS_EMPTY);
      }
    }
    return super.findSetterInfo(a);
  }

  private static boolean isModelRecord(AnnotatedMember m) {
    Class<?> owner = m.getDeclaringClass();
    return owner.isRecord() && owner.getName().startsWith("io.itsm.");
  }

  private static boolean isOptionalByType(Class<?> type) {
    return Optional.class.isAssignableFrom(type)
        || Collection.class.isAssignableFrom(type)
        || Map.class.isAssignableFrom(type);
  }

  private boolean isFreeText(AnnotatedMember m) {
    return m.getRawType() == String.class
        && (FREE_TEXT.contains(componentName(m)) || _hasAnnotation(m, Scalars.FreeText.class));
  }

  /** The record component a member stands for: constructor parameters have no name of their own. */
  private static String componentName(AnnotatedMember m) {
    if (m instanceof AnnotatedParameter p
        && p.getOwner() instanceof AnnotatedConstructor c
        && c.getDeclaringClass().isRecord()
        && c.getParameterCount() == c.getDeclaringClass().getRecordComponents().length) {
      return c.getDeclaringClass().getRecordComponents()[p.getIndex()].getName();
    }
    return m.getName();
  }
}
