package io.itsm.core.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBuilder;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.SettableAnyProperty;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdDelegatingSerializer;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.type.TypeFactory;
import com.fasterxml.jackson.databind.util.StdConverter;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.itsm.core.ValidationException;
import io.itsm.core.approval.ApprovalStage;
import io.itsm.core.approval.Approver;
import io.itsm.core.incident.Incident;
import io.itsm.core.incident.Ticket;
import io.itsm.core.triage.TriageDecision;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The one Jackson mapper behind {@link ItsmJson}: docs/json.md's general rules as configuration.
 *
 * <ul>
 *   <li>instants: ISO-8601 strings in UTC, fractions only when present ({@link JavaTimeModule}
 *       writes them; {@link Scalars.IsoInstant} reads them strictly, offsets accepted);
 *   <li>optionals ({@link Jdk8Module}) and empty collections are left out, {@code null} is never
 *       written; sets are written sorted and maps sorted by key;
 *   <li>strict reading: unknown and duplicate properties, numbers for enums, {@code "5"} for 5,
 *       {@code 5} for {@code "5"}, fractions for whole numbers are errors (trailing content is
 *       checked by {@link ItsmJson});
 *   <li>an unknown property is rejected where it is read ({@link RejectUnknownProperties});
 *   <li>enums by their exact names ({@link Scalars.ExactEnums});
 *   <li>records map by their components ({@link Mixins}, {@link FormatRules}); {@link Ticket},
 *       {@link Incident}, {@link ApprovalStage}, {@link Approver} and {@link TriageDecision} map
 *       through records shaped as their JSON;
 *   <li>the CMDB's, announcements' and notifications' records: {@link PracticeMapping}.
 * </ul>
 */
final class Mapping {

  private Mapping() {}

  /** Indented output: two spaces, {@code \n} line ends, a space after each colon. */
  static com.fasterxml.jackson.core.util.DefaultPrettyPrinter prettyPrinter() {
    return new com.fasterxml.jackson.core.util.DefaultPrettyPrinter(
            com.fasterxml.jackson.core.util.Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(com.fasterxml.jackson.core.util.Separators.Spacing.AFTER))
        .withObjectIndenter(new com.fasterxml.jackson.core.util.DefaultIndenter("  ", "\n"))
        .withArrayIndenter(new com.fasterxml.jackson.core.util.DefaultIndenter("  ", "\n"));
  }

  static JsonMapper create() {
    SimpleModule formats = new SimpleModule("itsm-json");
    formats.setDeserializers(new Scalars.ExactEnums());
    formats.addSerializer(Set.class, sortedSets());
    formats.addDeserializer(Instant.class, new Scalars.IsoInstant());
    formats.addDeserializer(String.class, new Scalars.WellFormedString());
    formats.setDeserializerModifier(new RejectUnknownProperties());
    document(formats, Ticket.class, TicketDocument.class, TicketDocument::of,
        TicketDocument::toTicket);
    document(formats, Incident.class, IncidentDocument.class, IncidentDocument::of,
        IncidentDocument::toIncident);
    document(formats, ApprovalStage.class, StageDocument.class, StageDocument::of,
        StageDocument::toStage);
    document(formats, Approver.class, ApproverDocument.class, ApproverDocument::of,
        ApproverDocument::toApprover);
    document(formats, TriageDecision.class, DecisionDocument.class, DecisionDocument::of,
        DecisionDocument::toDecision);
    PracticeMapping.documents(formats);

    JsonInclude.Value nonEmpty = JsonInclude.Value.construct(JsonInclude.Include.NON_EMPTY, null);
    JsonMapper.Builder b =
        JsonMapper.builder()
            .addModule(new Jdk8Module())
            .addModule(new JavaTimeModule())
            .addModule(formats)
            .annotationIntrospector(new FormatRules())
            .defaultPropertyInclusion(
                JsonInclude.Value.construct(JsonInclude.Include.NON_ABSENT, null))
            .withConfigOverride(Collection.class, o -> o.setInclude(nonEmpty))
            .withConfigOverride(List.class, o -> o.setInclude(nonEmpty))
            .withConfigOverride(Set.class, o -> o.setInclude(nonEmpty))
            .withConfigOverride(Map.class, o -> o.setInclude(nonEmpty))
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .withCoercionConfig(
                LogicalType.Textual,
                c ->
                    c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
    Mixins.register(b);
    ImprovementMixins.register(b);
    PracticeMapping.mixins(b);
    return b.build();
  }

  /** Writes any set as an array sorted by the elements' natural order. */
  private static StdDelegatingSerializer sortedSets() {
    return new StdDelegatingSerializer(
        new StdConverter<Set<?>, List<?>>() {
          @Override
          public List<?> convert(Set<?> set) {
            return new ArrayList<>(new TreeSet<>(set));
          }
        });
  }

  /** Maps {@code model} through the record {@code document} (see {@link DocumentDeserializer}). */
  static <T, D> void document(SimpleModule module, Class<T> model, Class<D> document,
      Function<T, D> toDocument, Function<D, T> toModel) {
    module.addSerializer(
        model,
        new StdDelegatingSerializer(
            new StdConverter<Object, D>() {
              @Override
              public D convert(Object value) {
                return toDocument.apply(model.cast(value));
              }
            },
            TypeFactory.defaultInstance().constructType(document),
            null));
    module.addDeserializer(model, new DocumentDeserializer<>(model, document, toModel));
  }

  /**
   * Reads the document, then converts it to the model; a model's {@link ValidationException} is
   * reported as a problem of the document's object, like a record's own.
   */
  static final class DocumentDeserializer<T, D> extends StdDeserializer<T> {
    private static final long serialVersionUID = 1L;

    private final Class<D> document;
    private final transient Function<D, T> toModel;

    DocumentDeserializer(Class<T> model, Class<D> document, Function<D, T> toModel) {
      super(model);
      this.document = document;
      this.toModel = toModel;
    }

    @Override
    public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      D value = ctxt.readValue(p, document);
      try {
        return toModel.apply(value);
      } catch (ValidationException e) {
        throw ValueInstantiationException.from(
            p, e.getMessage(), ctxt.constructType(document), e);
      }
    }
  }

  /**
   * Rejects an unknown property of one of our objects as soon as it is read. Jackson would keep
   * the unknown properties of an object built by its constructor (every record) until after the
   * object is built, so that "titel" would be reported as a missing "title", without a position.
   * An any-setter is called at once: this one fails.
   */
  static final class RejectUnknownProperties extends BeanDeserializerModifier {
    private static final long serialVersionUID = 1L;

    @Override
    public BeanDeserializerBuilder updateBuilder(
        DeserializationConfig config, BeanDescription description, BeanDeserializerBuilder builder) {
      if (builder.getAnySetter() == null
          && description.getBeanClass().getName().startsWith("io.itsm.")) {
        builder.setAnySetter(new UnknownProperty(description.getBeanClass()));
      }
      return builder;
    }
  }

  /** The any-setter of {@link RejectUnknownProperties}: reading its value throws. */
  static final class UnknownProperty extends SettableAnyProperty {
    private static final long serialVersionUID = 1L;

    private final Class<?> owner;

    UnknownProperty(Class<?> owner) {
      super(new BeanProperty.Bogus(), null, TypeFactory.unknownType(), null, null, null);
      this.owner = owner;
    }

    @Override
    public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      String name = p.currentName();
      throw new UnrecognizedPropertyException(
          p, "Unrecognized field \"" + name + "\"", p.currentTokenLocation(), owner, name, null);
    }

    @Override
    public boolean hasValueDeserializer() {
      return true;
    }

    @Override
    public SettableAnyProperty withValueDeserializer(
        com.fasterxml.jackson.databind.JsonDeserializer<Object> deser) {
      return this;
    }

    @Override
    public void fixAccess(DeserializationConfig config) {
      // nothing to access: the value is never set
    }

    @Override
    protected void _set(Object instance, Object name, Object value) {
      throw new IllegalStateException("unknown property " + name + " was not rejected");
    }
  }
}
