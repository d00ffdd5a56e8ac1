package org.exhunt.sigma.prefilter;

import static org.assertj.core.api.Assertions.assertThat;

import org.exhunt.sigma.RuleAssertAccess;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What each detection requires of a record before it is evaluated: (detection, literals or ALWAYS). */
class NeedTest {

    @ParameterizedTest(name = "{index}: {0}")
    @CsvSource(delimiterString = " ;; ", quoteCharacter = '"', textBlock = """
            {s: {A|contains: 'EvIl'}, condition: s}                                  ;; [evil]
            {s: {A|contains: ['one', 'two']}, condition: s}                          ;; [one, two]
            {s: {A|contains|all: ['x', 'longer']}, condition: s}                     ;; [longer]
            {s: {A: 'pre*suffix'}, condition: s}                                     ;; [suffix]
            {s: {A: '*'}, condition: s}                                              ;; ALWAYS
            {s: {A: 4688}, condition: s}                                             ;; ALWAYS
            {s: {A|re: 'abc'}, condition: s}                                         ;; [abc]
            {s: {A|re: 'cmd.{0,5}PowerShell.+x'}, condition: s}                      ;; [powershell]
            {s: {A|re: 'abx*c'}, condition: s}                                       ;; [ab]
            {s: {A|re: '(?i)^ab(cd|ef)gh\\.exe$'}, condition: s}                   ;; [gh.exe]
            {s: {A|re: 'foo|barbaz'}, condition: s}                                  ;; ALWAYS
            {s: {A|re: '[a-z]+\\d'}, condition: s}                                 ;; ALWAYS
            {s: {A: x}, f: {B: long}, condition: s and not f}                        ;; [x]
            {s: {A: x, B: longer}, condition: s}                                     ;; [longer]
            {a: {A: one}, b: {B: two}, condition: a or b}                            ;; [one, two]
            {a: {A: one}, b: {B: 4}, condition: a or b}                              ;; ALWAYS
            {s: {A|windash|contains: ' -e'}, condition: s}                           ;; [ -e,  /e,  –e,  —e,  ―e]
            {s: {A: null}, condition: s}                                             ;; ALWAYS
            {k: [evil, bad], condition: k}                                           ;; [bad, evil]
            """)
    void ofDetection(String detection, String need) {
        assertThat(RuleAssertAccess.need(detection)).isEqualTo(need);
    }
}
