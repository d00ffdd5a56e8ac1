package org.exhunt.evidence.collector;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** (stored paths, layout dump) pairs: which layout a listing is, and where one path of it lands. */
class LayoutDetectorTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        Windows/System32/cmd.exe;inetpub/wwwroot/x.aspx             | a copy of a drive: . -> C:
        Exchange/V15/Bin/ExSetup.exe                                   | no known layout: . -> C:
        EX01/Program Files/x.dll                                       | a copy of a drive: EX01 -> C:
        C/Windows/x;D/Exchange/y;2021_CopyLog.csv                      | drive-letter folders (KAPE, CyLR): C -> C:, D -> D:
        tout/C/Windows/x;tout/2021_CopyLog.csv                         | drive-letter folders (KAPE, CyLR): tout/C -> C:
        case/EX01/tout/C/Windows/x                                     | drive-letter folders (KAPE, CyLR): case/EX01/tout/C -> C:
        deep/er/than/three/C/Windows/x                                 | no known layout: . -> C:
        C:/Windows/x                                                   | drive-letter folders (KAPE, CyLR): C: -> C:
        Windows/x;D/y                                                  | a copy of a drive: . -> C:
        uploads/auto/C%3A/Windows/x;uploads.json                       | a Velociraptor collection: uploads/auto/C%3A -> C:
        uploads/ntfs/%5C%5C.%5CC%3A/$MFT;uploads/auto/C%3A/Windows/x   | a Velociraptor collection: uploads/auto/C%3A -> C:, uploads/ntfs/%5C%5C.%5CC%3A -> C:
        uploads/lazy_ntfs/%5C%5C%3F%5CGLOBALROOT%5CDevice%5CHarddiskVolumeShadowCopy1/x | a Velociraptor collection: 
        uploads/notes.txt;C/Windows/x                                  | drive-letter folders (KAPE, CyLR): C -> C:
        """)
    void layouts(String paths, String dump) {
        assertThat(detect(paths).describe().strip()).isEqualTo(dump.strip());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
        tout/C/Windows/x;tout/D/y | tout/C/Windows/System32/cmd.exe                       | OnDrive[drive=C, path=Windows/System32/cmd.exe]
        tout/C/Windows/x;tout/D/y | TOUT/d/Exchange/V15/a.log                             | OnDrive[drive=D, path=Exchange/V15/a.log]
        tout/C/Windows/x;tout/D/y | tout/2021_CopyLog.csv                                 | Outside[root=null]
        uploads/auto/C%3A/x       | uploads/auto/C%3A/inetpub/what%3F %2541.aspx          | OnDrive[drive=C, path=inetpub/what? %41.aspx]
        uploads/auto/C%3A/x       | uploads/auto/C%3A/%2Ebash_history                     | OnDrive[drive=C, path=.bash_history]
        uploads/auto/C%3A/x       | uploads/auto/C%3A/a/%2E%2E/b                          | Refused[reason=URL-encoded name '%2E%2E' decodes to '..', which is no file name]
        uploads/auto/C%3A/x       | results/Generic.Client.Info.json                      | Outside[root=null]
        """)
    void placements(String paths, String path, String placement) {
        assertThat(detect(paths).place(List.of(path.strip().split("/"))).toString()).isEqualTo(placement.strip());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        uploads/auto/C%3A/x;uploads/lazy_ntfs/%5C%5C%3F%5CGLOBALROOT%5CDevice%5CHarddiskVolumeShadowCopy1/Windows/y | a volume shadow copy
        uploads/auto/C%3A/x;uploads/ntfs/%5C%5C%3F%5CVolume%7Babc%7D/y                                            | a volume without a drive letter
        """)
    void volumesWithoutALetterAreKeptApart(String paths, String what) {
        CollectionLayout layout = detect(paths);
        String last = paths.split(";")[1].strip();
        Placement p = layout.place(List.of(last.split("/")));
        assertThat(p).isInstanceOf(Placement.Outside.class);
        assertThat(((Placement.Outside) p).root().what()).isEqualTo(what.strip());
    }

    /** A tree from '/'-separated file paths, ';'-separated. */
    static CollectionLayout detect(String paths) {
        Map<String, Map<String, Boolean>> folders = new LinkedHashMap<>();
        for (String path : paths.strip().split(";")) {
            String[] segments = path.strip().split("/");
            String folder = "";
            for (int i = 0; i < segments.length; i++) {
                folders.computeIfAbsent(folder, k -> new LinkedHashMap<>()).merge(segments[i], i < segments.length - 1, Boolean::logicalOr);
                folder = folder.isEmpty() ? segments[i] : folder + "/" + segments[i];
            }
        }
        return LayoutDetector.detect(folder -> {
            List<Tree.Node> out = new ArrayList<>();
            folders.getOrDefault(String.join("/", folder), Map.of()).forEach((n, d) -> out.add(new Tree.Node(n, d)));
            return out;
        });
    }
}
