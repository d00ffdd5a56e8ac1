package org.exhunt.hunt.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.exhunt.core.Diagnostic;
import org.exhunt.hunt.rules.RulePack;
import org.junit.jupiter.api.Test;

class ProgramDataOwnersTest {

    @Test
    void aFileBelowAListedFolderIsItsProductsWhateverTheCase() {
        List<Diagnostic> problems = new ArrayList<>();
        ProgramDataOwners owners = ProgramDataOwners.parse("t.csv", String.join("\n",
                "# comment",
                "folder,product,source",
                "Vendor\\Agent,Vendor Agent,\"the vendor's guide, page 3\"",
                "no product here",
                ""), problems::add);
        assertThat(owners.owner("ProgramData/vendor/AGENT/update/pkg.zip")).contains("Vendor Agent");
        assertThat(owners.owner("ProgramData/Vendor/pkg.zip")).isEmpty();
        assertThat(owners.owner("ProgramData/Vendor/AgentX/pkg.zip")).as("a folder named alike").isEmpty();
        assertThat(owners.owner("Users/Public/Vendor/Agent/pkg.zip")).isEmpty();
        assertThat(problems).singleElement().satisfies(d -> assertThat(d.message()).contains("expected folder,product,source"));
    }

    @Test
    void theBundledListLoadsWhole() {
        List<Diagnostic> problems = new ArrayList<>();
        RulePack pack = RulePack.bundled();
        ProgramDataOwners owners = ProgramDataOwners.parse(ProgramDataOwners.FILE, pack.text(ProgramDataOwners.FILE), problems::add);
        assertThat(problems).isEmpty();
        assertThat(owners.owner("ProgramData/Veeam/Backup/x.zip")).contains("Veeam Backup & Replication");
    }
}
