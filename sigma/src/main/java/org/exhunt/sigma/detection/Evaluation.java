package org.exhunt.sigma.detection;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.exhunt.core.MapRecord;
import org.exhunt.core.Record;
import org.exhunt.sigma.value.Fold;

/**
 * The state of matching one record: field values read through the mapping and their folded forms, each
 * computed once and shared by all rules. Reused from record to record by one thread; not thread-safe.
 */
public final class Evaluation {

    private Record record;
    private int generation;
    private List<String>[] values;
    private String[][] folded;
    private int[] valuesGen;
    private int[] foldedGen;
    private List<String> everything;     // every field value (or the raw text), for keywords
    private String[] everythingFolded;

    @SuppressWarnings("unchecked")
    public Evaluation(int slots) {
        values = new List[slots];
        folded = new String[slots][];
        valuesGen = new int[slots];
        foldedGen = new int[slots];
    }

    /** Starts on a record; {@code slots} is the field count of the rules about to run. */
    @SuppressWarnings("unchecked")
    public void reset(Record r, int slots) {
        record = r;
        generation++;
        everything = null;
        everythingFolded = null;
        if (slots > values.length) {
            values = Arrays.copyOf(values, slots);
            folded = Arrays.copyOf(folded, slots);
            valuesGen = Arrays.copyOf(valuesGen, slots);
            foldedGen = Arrays.copyOf(foldedGen, slots);
        }
    }

    public Record record() {
        return record;
    }

    public List<String> values(FieldRef f) {
        int s = f.slot();
        if (valuesGen[s] != generation) {
            values[s] = f.access().values(record);
            valuesGen[s] = generation;
        }
        return values[s];
    }

    public String[] folded(FieldRef f) {
        int s = f.slot();
        if (foldedGen[s] != generation) {
            List<String> v = values(f);
            String[] out = new String[v.size()];
            for (int i = 0; i < out.length; i++) out[i] = Fold.fold(v.get(i));
            folded[s] = out;
            foldedGen[s] = generation;
        }
        return folded[s];
    }

    /**
     * Every value of every field of the record: what keyword searches look at. The raw text is searched only when
     * the record has no fields, since it is a rendering of the same values (escaped in JSON or XML).
     */
    public List<String> everything() {
        if (everything == null) {
            List<String> all = new ArrayList<>();
            if (record instanceof MapRecord m) {
                m.valueLists().values().forEach(all::addAll);
            } else {
                for (String name : record.fieldNames()) all.addAll(record.values(name));
            }
            if (all.isEmpty() && record.raw() != null) all.add(record.raw());
            everything = all;
        }
        return everything;
    }

    public String[] everythingFolded() {
        if (everythingFolded == null) {
            List<String> all = everything();
            String[] out = new String[all.size()];
            for (int i = 0; i < out.length; i++) out[i] = Fold.fold(all.get(i));
            everythingFolded = out;
        }
        return everythingFolded;
    }
}
