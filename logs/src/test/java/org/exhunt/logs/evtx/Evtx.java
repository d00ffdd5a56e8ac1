package org.exhunt.logs.evtx;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.exhunt.core.Diagnostic;
import org.exhunt.core.Record;
import org.exhunt.logs.RecordStream;

/** Test vocabulary: read an EVTX file or byte array completely, keeping records and diagnostics. */
record Evtx(List<Record> records, List<Diagnostic> diagnostics, boolean complete) {

    static Evtx read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(file.getFileName().toString(), in, EvtxReader.standard());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Evtx read(byte[] bytes) {
        return read(bytes, EvtxReader.standard());
    }

    static Evtx read(byte[] bytes, EvtxReader reader) {
        return read("test.evtx", new ByteArrayInputStream(bytes), reader);
    }

    static Evtx read(String name, InputStream in, EvtxReader reader) {
        List<Record> records = new ArrayList<>();
        List<Diagnostic> diagnostics = new ArrayList<>();
        try (RecordStream stream = reader.open(name, in, diagnostics::add)) {
            stream.forEachRemaining(records::add);
            return new Evtx(records, diagnostics, stream.complete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<Diagnostic> errors() {
        return diagnostics.stream().filter(Diagnostic::isError).toList();
    }

    List<String> codes() {
        return diagnostics.stream().map(Diagnostic::code).toList();
    }
}
