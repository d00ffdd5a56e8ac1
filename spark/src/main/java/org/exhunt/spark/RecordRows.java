package org.exhunt.spark;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Spark rows of core's result records, their schema read from the records themselves, so that a field added to a
 * record is a column of its table without more work: text, numbers, flags, times (timestamps, microseconds) and dates,
 * enums by name, durations as ISO 8601 text, lists as arrays, maps as maps, records as structs, names in snake case as in the JSON lines. A record
 * inside itself (a finding's linked findings) is kept one level deep.
 */
final class RecordRows {

    private RecordRows() {}

    static StructType schema(Class<? extends Record> type) {
        return struct(type, List.of());
    }

    static Row row(Record r) {
        return structValue(r, List.of());
    }

    /** The record's fields as values of {@link #schema}'s columns, in order. */
    static List<Object> values(Record r) {
        Row row = row(r);
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < row.length(); i++) out.add(row.get(i));
        return out;
    }

    static String column(String component) {
        return component.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }

    private static StructType struct(Class<?> type, List<Class<?>> enclosing) {
        List<Class<?>> inside = new ArrayList<>(enclosing);
        inside.add(type);
        List<StructField> fields = new ArrayList<>();
        for (RecordComponent c : type.getRecordComponents()) {
            if (tooDeep(c.getGenericType(), inside)) continue;
            fields.add(DataTypes.createStructField(column(c.getName()), dataType(c.getGenericType(), inside), true));
        }
        return DataTypes.createStructType(fields);
    }

    private static Row structValue(Object record, List<Class<?>> enclosing) {
        Class<?> type = record.getClass();
        List<Class<?>> inside = new ArrayList<>(enclosing);
        inside.add(type);
        List<Object> values = new ArrayList<>();
        for (RecordComponent c : type.getRecordComponents()) {
            if (tooDeep(c.getGenericType(), inside)) continue;
            try {
                values.add(value(c.getAccessor().invoke(record), c.getGenericType(), inside));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + type.getSimpleName() + "." + c.getName(), e);
            }
        }
        return RowFactory.create(values.toArray());
    }

    /** Whether a field holds a record already entered twice on the way here (a record inside itself, past one level). */
    private static boolean tooDeep(Type t, List<Class<?>> inside) {
        Class<?> held = held(t);
        return held.isRecord() && Collections.frequency(inside, held) >= 2;
    }

    /** The class a field holds: itself, or a list's element. */
    private static Class<?> held(Type t) {
        if (t instanceof ParameterizedType p && raw(p) == List.class) return held(p.getActualTypeArguments()[0]);
        return t instanceof Class<?> c ? c : raw((ParameterizedType) t);
    }

    private static DataType dataType(Type t, List<Class<?>> inside) {
        if (t instanceof ParameterizedType p) {
            Type[] args = p.getActualTypeArguments();
            if (raw(p) == List.class) return DataTypes.createArrayType(dataType(args[0], inside), true);
            if (raw(p) == Map.class) return DataTypes.createMapType(dataType(args[0], inside), dataType(args[1], inside), true);
            throw new IllegalArgumentException("no column type for " + t);
        }
        Class<?> c = (Class<?>) t;
        if (c == String.class || c == char.class || c.isEnum() || c == Duration.class) return DataTypes.StringType;
        if (c == int.class || c == Integer.class) return DataTypes.IntegerType;
        if (c == long.class || c == Long.class) return DataTypes.LongType;
        if (c == boolean.class || c == Boolean.class) return DataTypes.BooleanType;
        if (c == Instant.class) return DataTypes.TimestampType;
        if (c == LocalDate.class) return DataTypes.DateType;
        if (c.isRecord()) return struct(c, inside);
        throw new IllegalArgumentException("no column type for " + c);
    }

    private static Object value(Object v, Type t, List<Class<?>> inside) {
        if (v == null) return null;
        if (t instanceof ParameterizedType p) {
            Type[] args = p.getActualTypeArguments();
            if (raw(p) == List.class) {
                List<Object> out = new ArrayList<>();
                for (Object e : (List<?>) v) out.add(value(e, args[0], inside));
                return CollectionConverters.asScala(out).toSeq();   // a row's arrays are Scala sequences
            }
            Map<Object, Object> out = new LinkedHashMap<>();
            ((Map<?, ?>) v).forEach((k, e) -> out.put(value(k, args[0], inside), value(e, args[1], inside)));
            return CollectionConverters.asScala(out);
        }
        if (v instanceof Enum<?> e) return e.name();
        if (v instanceof Character ch) return ch.toString();
        if (v instanceof Duration d) return d.toString();   // ISO 8601, as in the JSON lines
        if (v instanceof Record r) return structValue(r, inside);
        return v;
    }

    private static Class<?> raw(ParameterizedType p) {
        return (Class<?>) p.getRawType();
    }
}
