package org.exhunt.kb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BuildNumberTest {

    @ParameterizedTest
    @CsvSource({
        "15.1.2176.2,      15.1.2176.2,  15.01.2176.002",
        "15.01.2176.002,   15.1.2176.2,  15.01.2176.002",
        "' 15.2.986.5 ',   15.2.986.5,   15.02.0986.005",
        "14.3.513.0,       14.3.513.0,   14.03.0513.000",
        "15.1.2176,        15.1.2176,    15.01.2176",
        "15.00.0847.064,   15.0.847.64,  15.00.0847.064",
        "65535.0.0.65535,  65535.0.0.65535, 65535.00.0000.65535",
    })
    void readsShortLongAndCuOnlyForms(String text, String shortForm, String longForm) {
        BuildNumber b = BuildNumber.parse(text);
        assertThat(b).hasToString(shortForm);
        assertThat(b.longForm()).isEqualTo(longForm);
        assertThat(BuildNumber.parse(longForm)).isEqualTo(b);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "15.1              | expected 3 or 4 numbers separated by dots, found 2 parts",
        "15.1.2176.2.1     | found 5 parts",
        "15..2176.2        | part 2 is empty",
        "15.1.2176.        | part 4 is empty",
        "15.1.x.2          | part 3 'x' is not a number",
        "15.1.-5.2         | part 3 '-5' is not a number",
        "15.1.2176.+2      | part 4 '+2' is not a number",
        "15.1.21 76.2      | part 3 '21 76' is not a number",
        "15.1.70000.2      | part 3 '70000' is larger than 65535",
        "15.1.2176.1234567 | part 4 '1234567' is not a number",
        "''                | found 1 part",
        "v15.1.2176.2      | part 1 'v15' is not a number",
    })
    void rejectsWhatIsNotABuildNumberSayingWhy(String text, String problem) {
        assertThatThrownBy(() -> BuildNumber.parse(text))
                .isInstanceOf(MalformedBuildNumberException.class)
                .hasMessageContaining(problem)
                .hasMessageContaining("expected e.g. 15.1.2176.2");
    }

    @ParameterizedTest
    @CsvSource({
        "15.1.2176.2,  15.1.2176.9",
        "15.1.2176,    15.1.2176.0",
        "15.1.2176.14, 15.1.2242.4",
        "15.0.1497.48, 15.1.225.16",
        "14.3.513.0,   15.0.516.32",
    })
    void ordersByEachPartInTurnWithTheCuBeforeItsBuilds(String lower, String higher) {
        assertThat(BuildNumber.parse(lower)).isLessThan(BuildNumber.parse(higher));
        assertThat(BuildNumber.parse(higher).cu()).isEqualTo(BuildNumber.parse(higher.substring(0, higher.lastIndexOf('.'))));
    }
}
