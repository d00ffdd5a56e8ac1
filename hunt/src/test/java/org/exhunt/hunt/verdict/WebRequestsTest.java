package org.exhunt.hunt.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.exhunt.core.SourceRef;
import org.junit.jupiter.api.Test;

/** What is kept of the requests to a path, and that a flood of requests keeps it bounded. */
class WebRequestsTest {

    private static final Instant T = Instant.parse("2021-03-03T06:00:00Z");

    @Test
    void keepsAtMostPathsPathsAndCountsTheRequestsToOthers() {
        WebRequests requests = new WebRequests();
        for (int i = 0; i < WebRequests.PATHS; i++) requests.add("/aspnet_client/" + i + ".aspx", T, "192.0.2.1", "200", at(i));
        requests.add("/aspnet_client/one-more.aspx", T, "192.0.2.1", "200", at(0));
        requests.add("/aspnet_client/one-more.aspx", T, "192.0.2.1", "200", at(1));
        requests.add("/ASPNET_CLIENT/0.aspx", T.plusSeconds(1), "192.0.2.2", "200", at(2));

        assertThat(requests.dropped()).isEqualTo(2);
        assertThat(requests.to("/aspnet_client/one-more.aspx")).isEmpty();
        assertThat(requests.to("/aspnet_client/0.aspx")).get().satisfies(p -> assertThat(p.count()).isEqualTo(2));
    }

    @Test
    void keepsAFewAddressesAndStatusesPerPathAndCountsEveryRequest() {
        WebRequests requests = new WebRequests();
        for (int i = 0; i < 1000; i++) {
            requests.add("/owa/auth/x.ashx", T.plusSeconds(i), "198.51.100." + (i % 250), Integer.toString(200 + i % 10), at(i));
        }
        WebRequests.PathRequests p = requests.to("/owa/auth/x.ashx").orElseThrow();
        assertThat(p.count()).isEqualTo(1000);
        assertThat(p.clientIps()).hasSize(WebRequests.IPS_PER_PATH);
        assertThat(p.statuses()).hasSize(WebRequests.STATUSES_PER_PATH + 1)
                .containsEntry(WebRequests.OTHER_STATUS, 600L).containsEntry("200", 100L);
        assertThat(p.statuses().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(1000);
    }

    @Test
    void theFirstAndLastRequestsKeepWhereTheyWereReadWhateverTheOrderTheyCameIn() {
        WebRequests forward = new WebRequests();
        WebRequests backward = new WebRequests();
        SourceRef[] lines = {SourceRef.line("W3SVC1/u_ex210303.log", 9), SourceRef.line("W3SVC1/u_ex210303.log", 4),
            SourceRef.line("W3SVC2/u_ex210303.log", 1), SourceRef.line("W3SVC1/u_ex210303.log", 12)};
        Instant[] times = {T.plusSeconds(5), T, T, T.plusSeconds(5)};
        for (int i = 0; i < lines.length; i++) forward.add("/aspnet_client/x.aspx", times[i], "192.0.2." + i, "200", lines[i]);
        for (int i = lines.length - 1; i >= 0; i--) backward.add("/aspnet_client/x.aspx", times[i], "192.0.2." + i, "200", lines[i]);

        for (WebRequests requests : new WebRequests[] {forward, backward}) {
            WebRequests.PathRequests p = requests.to("/aspnet_client/x.aspx").orElseThrow();
            assertThat(p.first()).isEqualTo(new WebRequests.Request(T, "192.0.2.1", "200", lines[1]));
            assertThat(p.last()).isEqualTo(new WebRequests.Request(T.plusSeconds(5), "192.0.2.3", "200", lines[3]));
        }
    }

    @Test
    void aLogWithoutStatusesSaysNone() {
        WebRequests requests = new WebRequests();
        requests.add("/aspnet_client/x.aspx", T, null, null, at(1));
        assertThat(requests.to("/aspnet_client/x.aspx").orElseThrow().statuses()).isEmpty();
    }

    @Test
    void requestsKeptApartJoinAsIfKeptTogetherWhileNoCapIsReached() {
        WebRequests together = new WebRequests();
        WebRequests first = new WebRequests();
        WebRequests second = new WebRequests();
        for (int i = 0; i < 10; i++) {
            WebRequests part = i % 2 == 0 ? first : second;
            for (WebRequests r : new WebRequests[] {together, part}) {
                r.add("/owa/auth/x.aspx", T.plusSeconds(i), "192.0.2." + i % 3, i % 3 == 0 ? "404" : "200", at(i));
                r.add("/aspnet_client/" + i + ".aspx", T.plusSeconds(i), "192.0.2.9", "200", at(100 + i));
            }
        }
        assertThat(first.absorb(second)).isTrue();
        for (String path : new String[] {"/owa/auth/x.aspx", "/aspnet_client/3.aspx"}) {
            WebRequests.PathRequests joined = first.to(path).orElseThrow();
            WebRequests.PathRequests whole = together.to(path).orElseThrow();
            assertThat(joined.count()).isEqualTo(whole.count());
            assertThat(joined.first()).isEqualTo(whole.first());
            assertThat(joined.last()).isEqualTo(whole.last());
            assertThat(joined.clientIps()).isEqualTo(whole.clientIps());
            assertThat(joined.statuses()).isEqualTo(whole.statuses());
        }
    }

    @Test
    void requestsKeptApartDoNotJoinPastTheCapOnAddresses() {
        WebRequests first = new WebRequests();
        WebRequests second = new WebRequests();
        for (int i = 0; i < WebRequests.IPS_PER_PATH; i++) {
            first.add("/owa/auth/x.aspx", T, "192.0.2." + i, "200", at(i));
            second.add("/owa/auth/x.aspx", T, "198.51.100." + i, "200", at(i));
        }
        assertThat(first.absorb(second)).as("which 20 addresses a scan keeps depends on the order it reads them").isFalse();
        assertThat(first.to("/owa/auth/x.aspx").orElseThrow().count()).as("unchanged").isEqualTo(WebRequests.IPS_PER_PATH);
    }

    private static SourceRef at(int line) {
        return SourceRef.line("u_ex210303.log", line);
    }
}
